package io.minik8s.client.fake;

import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.objects.meta.KubeObject;

/**
 * An in-memory {@link KubeClient} for controller tests, as client-go's {@code kubernetes/fake}:
 * an object tracker with resourceVersions, conflicts, watches, and a log of the actions taken.
 */
public final class FakeKubeClient implements KubeClient {

  public FakeKubeClient() {
    throw new UnsupportedOperationException("contract: built by the queue helper");
  }

  @Override
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    throw new UnsupportedOperationException("contract: built by the queue helper");
  }

  @Override
  public String defaultNamespace() {
    return "default";
  }
}
