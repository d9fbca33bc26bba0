package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A new namespace starts {@code Active} and carries the {@code kubernetes} finalizer in {@code
 * spec.finalizers}: deleting it then only marks it {@code Terminating}, and the namespace
 * controller removes the finalizer (through {@code /finalize}) once everything in the
 * namespace is gone.
 *
 * <p>Upstream: the namespace strategy's {@code PrepareForCreate}
 * (pkg/registry/core/namespace/strategy.go).
 */
public final class NamespaceDefaults implements MutatingAdmission {

  /** The finalizer the namespace controller owns. */
  public static final String FINALIZER = "kubernetes";

  @Override
  public String name() {
    return "NamespaceDefaults";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isMain(request, "", "namespaces") && request.operation() == Operation.CREATE;
  }

  @Override
  public void admit(AdmissionRequest request) {
    ObjectNode json = request.object().json();
    ArrayNode finalizers = json.with("spec").withArray("finalizers");
    boolean present = false;
    for (var finalizer : finalizers) {
      present |= finalizer.asText().equals(FINALIZER);
    }
    if (!present) {
      finalizers.add(FINALIZER);
    }
    json.with("status").put("phase", "Active");
  }
}
