package io.minik8s.demo;

import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * A test engine listed under META-INF/services: were it loaded, it could report the instructor's
 * tests as passed without running them.
 */
public final class FakeEngine implements TestEngine {

  public FakeEngine() {
    System.out.println("HOSTILE fake engine loaded");
  }

  @Override
  public String getId() {
    return "fake";
  }

  @Override
  public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
    return new EngineDescriptor(uniqueId, "fake");
  }

  @Override
  public void execute(ExecutionRequest request) {}
}
