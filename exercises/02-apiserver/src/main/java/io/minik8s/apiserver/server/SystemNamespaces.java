package io.minik8s.apiserver.server;

import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.admission.NamespaceDefaults;
import io.minik8s.apiserver.admission.Operation;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.List;

/**
 * The namespaces every cluster has from its first second: {@code default} (where objects go
 * when no namespace is named), {@code kube-system}, {@code kube-public} and {@code
 * kube-node-lease} (the nodes' heartbeat Leases), each with its {@code default} ServiceAccount.
 * Without them, admission's NamespaceLifecycle would refuse the first {@code kubectl create} in
 * {@code default}, and the ServiceAccount plugin every pod.
 *
 * <p>Upstream: the API server's system namespaces controller
 * (pkg/controlplane/controller/systemnamespaces), which creates them at start and re-creates them
 * if deleted; here they are created at every start when missing. The ServiceAccounts are the
 * ServiceAccount controller's job upstream (module 04 here, for every namespace); the server
 * creates the system namespaces' ones so that pods can be created before any controller runs.
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
    ObjectRegistry namespaces = registries.forType(type);
    ObjectRegistry serviceAccounts = registries.forType(
        scheme.forResource(new GroupVersionResource("", "v1", "serviceaccounts")).orElseThrow());
    for (String name : NAMES) {
      Unstructured namespace = Unstructured.of("v1", "Namespace");
      namespace.setName(name);
      // the same defaults as a namespace created through the API: Active, with its finalizer
      new NamespaceDefaults().admit(new AdmissionRequest(Operation.CREATE, type, "", "", name,
          namespace, null, SYSTEM, false));
      createIfMissing(namespaces, namespace);
      Unstructured account = Unstructured.of("v1", "ServiceAccount");
      account.setName("default");
      account.setNamespace(name);
      createIfMissing(serviceAccounts, account);
    }
  }

  private static void createIfMissing(ObjectRegistry registry, Unstructured object) {
    try {
      registry.create(object, false);
    } catch (ApiException e) {
      if (e.code() != 409) { // another server, or an earlier start, created it first
        throw e;
      }
    }
  }
}
