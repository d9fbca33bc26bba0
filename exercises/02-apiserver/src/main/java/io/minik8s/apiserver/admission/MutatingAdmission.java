package io.minik8s.apiserver.admission;

/**
 * An admission plugin that may change the object before it is validated and stored: defaults,
 * allocations (a Service's ClusterIP), injections (a Pod's ServiceAccount). All mutating plugins
 * run before any validating one, so validation sees the final object.
 *
 * <p>Upstream: {@code admission.MutationInterface}.
 */
public interface MutatingAdmission {

  /** The plugin's name as {@code --enable-admission-plugins} spells it, e.g. {@code ServiceAccount}. */
  String name();

  /** Whether this plugin cares about the request; {@link #admit} is called only if so. */
  boolean handles(AdmissionRequest request);

  /**
   * Changes {@code request.object()} in place.
   *
   * @throws io.minik8s.apiserver.errors.ApiException to reject the request
   */
  void admit(AdmissionRequest request);
}
