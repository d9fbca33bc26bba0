package io.minik8s.controllers.namespace;

import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.api.core.Namespace;

/**
 * Writes a namespace's {@code spec.finalizers}: upstream's {@code PUT
 * /api/v1/namespaces/{name}/finalize}, the only write that may change them. Once the list is
 * empty the API server removes a namespace that is being deleted.
 *
 * <p>Why an interface: the typed {@link io.minik8s.client.rest.ResourceClient} has verbs for the
 * object and its {@code status}, not for the {@code finalize} subresource, and the client
 * contract (module 03) stays as it is. The manager wires {@link #byUpdate}: the minik8s API
 * server (module 02) keeps {@code spec.finalizers} as written by a plain update too, so a
 * {@code PUT} of the whole namespace has the same effect there. A client with a finalize call
 * plugs in here without touching the controller.
 */
@FunctionalInterface
public interface NamespaceFinalizer {

  /**
   * Stores {@code namespace.spec().finalizers()} (the other fields are ignored by a real finalize
   * call); fails with a conflict if its resourceVersion is stale.
   *
   * @return the namespace as stored (or as last seen, if the write removed it)
   */
  Namespace finalizeNamespace(Namespace namespace);

  /** Finalizes through a plain update of the namespace (see the class comment). */
  static NamespaceFinalizer byUpdate(KubeClient client) {
    return namespace -> client.resource(Namespace.class).update(namespace);
  }
}
