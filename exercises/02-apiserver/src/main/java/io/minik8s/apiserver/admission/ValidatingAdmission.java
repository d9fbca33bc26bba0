package io.minik8s.apiserver.admission;

/**
 * An admission plugin that accepts or rejects the final object, without changing it.
 *
 * <p>Upstream: {@code admission.ValidationInterface}.
 */
public interface ValidatingAdmission {

  /** The plugin's name, e.g. {@code NamespaceLifecycle}. */
  String name();

  /** Whether this plugin cares about the request; {@link #validate} is called only if so. */
  boolean handles(AdmissionRequest request);

  /** @throws io.minik8s.apiserver.errors.ApiException to reject the request */
  void validate(AdmissionRequest request);
}
