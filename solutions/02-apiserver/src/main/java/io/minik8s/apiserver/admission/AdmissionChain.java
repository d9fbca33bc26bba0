package io.minik8s.apiserver.admission;

import io.minik8s.apiserver.storage.Registries;
import java.util.List;

/**
 * The admission plugins of a server, run on every write after authorization and before
 * storage: every mutating plugin that handles the request, in order, then every validating
 * one. The first plugin that throws rejects the request; later ones do not run.
 *
 * <p>Upstream: the admission chain built from {@code --enable-admission-plugins}
 * (k8s.io/apiserver/pkg/admission/chain.go), which the REST handlers call as {@code
 * admit} before and {@code validate} after the strategy's defaulting.
 */
public final class AdmissionChain {

  /*
   * Design: mutating plugins all run before validating ones so that what validation approves is
   * exactly what is stored. Plugins that must see the final object (SchemaValidation,
   * ImmutableFields, ResourceQuota) are therefore validating, and the allocators (Service IPs)
   * are mutating. There is no NamespaceDefaulting plugin: the REST layer sets
   * metadata.namespace from the request path before admission, as upstream's create handler
   * does (a body naming another namespace is a 400 there), so a namespaced object always
   * arrives here with its namespace.
   */

  private final List<MutatingAdmission> mutating;
  private final List<ValidatingAdmission> validating;

  public AdmissionChain(List<MutatingAdmission> mutating, List<ValidatingAdmission> validating) {
    this.mutating = List.copyOf(mutating);
    this.validating = List.copyOf(validating);
  }

  /**
   * The plugins the course's API server enables, in upstream's recommended order: defaults,
   * ServiceAccount, ServiceIPAllocation; then NamespaceLifecycle, ServiceAccount,
   * SchemaValidation, ImmutableFields, ResourceQuota.
   */
  public static AdmissionChain defaults(Registries registries, AdmissionConfig config) {
    ServiceAccountAdmission serviceAccounts = new ServiceAccountAdmission(registries);
    return new AdmissionChain(
        List.of(new NamespaceDefaults(), new PodDefaults(), new DefaultTolerationSeconds(),
            new ServiceDefaults(), serviceAccounts,
            new ServiceIpAllocation(registries, config)),
        List.of(new NamespaceLifecycle(registries), serviceAccounts, new SchemaValidation(),
            new ImmutableFields(), new ResourceQuotaAdmission(registries)));
  }

  /**
   * Runs the chain on {@code request}; mutating plugins change {@code request.object()} in place.
   *
   * @throws io.minik8s.apiserver.errors.ApiException from the first plugin that rejects
   */
  public void admit(AdmissionRequest request) {
    // BEGIN EXERCISE 2.4 — run the handling mutating plugins in order, then the validating ones
    for (MutatingAdmission plugin : mutating) {
      if (plugin.handles(request)) {
        plugin.admit(request);
      }
    }
    for (ValidatingAdmission plugin : validating) {
      if (plugin.handles(request)) {
        plugin.validate(request);
      }
    }
    // END EXERCISE 2.4
  }

  /** The names of the plugins, mutating first, as {@code --enable-admission-plugins} lists them. */
  public List<String> pluginNames() {
    return java.util.stream.Stream.concat(
        mutating.stream().map(MutatingAdmission::name),
        validating.stream().map(ValidatingAdmission::name)).distinct().toList();
  }
}
