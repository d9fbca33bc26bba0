package io.minik8s.apiserver.server;

import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.admission.NamespaceDefaults;
import io.minik8s.apiserver.admission.Operation;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.List;

/**
 * The namespaces every cluster has from its first second: {@code default} (where objects go
 * when no namespace is named), {@code kube-system}, {@code kube-public} and {@code
 * kube-node-lease} (the nodes' heartbeat Leases). Without them, admission's NamespaceLifecycle
 * would refuse the first {@code kubectl create} in {@code default}.
 *
 * <p>Upstream: the API server's system namespaces controller
 * (pkg/controlplane/controller/systemnamespaces), which creates them at start and re-creates them
 * if deleted; here they are created at every start when missing.
 */
final class SystemNamespaces {

  static final List<String> NAMES = List.of("default", "kube-system", "kube-public",
      "kube-node-lease");

  private static final UserInfo SYSTEM =
      new UserInfo("system:apiserver", "", List.of("system:masters"));

  private SystemNamespaces() {}

  static void ensure(Registries registries, Scheme scheme) {
    ResourceType type =
        scheme.forResource(new GroupVersionResource("", "v1", "namespaces")).orElseThrow();
    var namespaces = registries.forType(type);
    for (String name : NAMES) {
      Unstructured namespace = Unstructured.of("v1", "Namespace");
      namespace.setName(name);
      // the same defaults as a namespace created through the API: Active, with its finalizer
      new NamespaceDefaults().admit(new AdmissionRequest(Operation.CREATE, type, "", "", name,
          namespace, null, SYSTEM, false));
      try {
        namespaces.create(namespace, false);
      } catch (ApiException e) {
        if (e.code() != 409) { // another server, or an earlier start, created it first
          throw e;
        }
      }
    }
  }
}
