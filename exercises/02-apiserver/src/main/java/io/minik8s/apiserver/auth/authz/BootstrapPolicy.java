package io.minik8s.apiserver.auth.authz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.PolicyRule;
import io.minik8s.objects.api.rbac.RoleRef;
import io.minik8s.objects.api.rbac.Subject;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The roles and bindings every cluster starts with, named as upstream's:
 *
 * <table>
 *   <tr><th>ClusterRole</th><th>grants</th><th>bound to</th></tr>
 *   <tr><td>cluster-admin</td><td>everything, every URL</td><td>group system:masters</td></tr>
 *   <tr><td>admin</td><td>edit + roles and rolebindings (meant for a RoleBinding)</td><td>-</td></tr>
 *   <tr><td>edit</td><td>read and write workloads, services, config, secrets</td><td>-</td></tr>
 *   <tr><td>view</td><td>read the same, except secrets</td><td>-</td></tr>
 *   <tr><td>system:discovery</td><td>GET /api, /apis, /version, /healthz, /openapi...</td>
 *       <td>system:authenticated</td></tr>
 *   <tr><td>system:basic-user</td><td>create SelfSubjectAccessReviews (kubectl auth can-i)</td>
 *       <td>system:authenticated</td></tr>
 *   <tr><td>system:public-info-viewer</td><td>GET /healthz, /livez, /readyz, /version</td>
 *       <td>system:authenticated, system:unauthenticated</td></tr>
 * </table>
 *
 * <p>Upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (where the real rules
 * are longer), created by the rbac post-start hook, which also reconciles changed rules; here an
 * existing object is left as the administrator edited it.
 */
public final class BootstrapPolicy {

  private BootstrapPolicy() {}

  private static final List<String> READ = List.of("get", "list", "watch");
  private static final List<String> WRITE =
      List.of("create", "delete", "deletecollection", "patch", "update");

  /** Creates whichever bootstrap roles and bindings are missing; safe to call at every start. */
  public static void ensure(Registries registries) {
    for (KubeObject object : objects()) {
      String plural = object instanceof ClusterRole ? "clusterroles" : "clusterrolebindings";
      ObjectNode json = (ObjectNode) Codec.toTree(object);
      try {
        registries.forType(Scheme.builtIn()
                .forResource(new GroupVersionResource(RoleRef.GROUP, "v1", plural)).orElseThrow())
            .create(Unstructured.of(json), false);
      } catch (ApiException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
    }
  }

  /** The bootstrap ClusterRoles, then their ClusterRoleBindings. */
  public static List<KubeObject> objects() {
    List<PolicyRule> view = List.of(
        PolicyRule.resources(READ, List.of(""), List.of("pods", "pods/log", "pods/status",
            "services", "endpoints", "configmaps", "events", "serviceaccounts", "resourcequotas",
            "namespaces", "services/status", "resourcequotas/status", "namespaces/status")),
        PolicyRule.resources(READ, List.of("apps"), List.of("deployments", "deployments/scale",
            "deployments/status", "replicasets", "replicasets/scale", "replicasets/status")),
        PolicyRule.resources(READ, List.of("batch"), List.of("jobs", "jobs/status")),
        PolicyRule.resources(READ, List.of("coordination.k8s.io"), List.of("leases")));
    List<PolicyRule> edit = new ArrayList<>(view);
    List<String> readWrite = new ArrayList<>(READ);
    readWrite.addAll(WRITE);
    edit.add(PolicyRule.resources(readWrite, List.of(""), List.of("pods", "pods/eviction",
        "services", "endpoints", "configmaps", "secrets", "serviceaccounts", "events")));
    edit.add(PolicyRule.resources(readWrite, List.of("apps"), List.of("deployments",
        "deployments/scale", "replicasets", "replicasets/scale")));
    edit.add(PolicyRule.resources(readWrite, List.of("batch"), List.of("jobs")));
    edit.add(PolicyRule.resources(readWrite, List.of("coordination.k8s.io"), List.of("leases")));
    List<PolicyRule> admin = new ArrayList<>(edit);
    admin.add(PolicyRule.resources(readWrite, List.of(RoleRef.GROUP),
        List.of("roles", "rolebindings")));
    admin.add(PolicyRule.resources(List.of("create"), List.of("authorization.k8s.io"),
        List.of("localsubjectaccessreviews")));
    List<KubeObject> objects = new ArrayList<>(List.of(
        role("cluster-admin", List.of(
            PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
            PolicyRule.nonResourceURLs(List.of("*"), List.of("*")))),
        role("admin", admin),
        role("edit", edit),
        role("view", view),
        role("system:discovery", List.of(PolicyRule.nonResourceURLs(List.of("get"), List.of(
            "/api", "/api/*", "/apis", "/apis/*", "/healthz", "/livez", "/openapi",
            "/openapi/*", "/readyz", "/version", "/version/")))),
        role("system:basic-user", List.of(PolicyRule.resources(List.of("create"),
            List.of("authorization.k8s.io"),
            List.of("selfsubjectaccessreviews", "selfsubjectrulesreviews")))),
        role("system:public-info-viewer", List.of(PolicyRule.nonResourceURLs(List.of("get"),
            List.of("/healthz", "/livez", "/readyz", "/version", "/version/"))))));
    objects.add(binding("cluster-admin", Subject.group(RbacAuthorizer.MASTERS)));
    objects.add(binding("system:discovery", Subject.group("system:authenticated")));
    objects.add(binding("system:basic-user", Subject.group("system:authenticated")));
    objects.add(binding("system:public-info-viewer", Subject.group("system:authenticated"),
        Subject.group("system:unauthenticated")));
    return objects;
  }

  private static ObjectMeta meta(String name) {
    return ObjectMeta.named(name)
        .withLabels(Map.of("kubernetes.io/bootstrapping", "rbac-defaults"))
        .withAnnotations(Map.of("rbac.authorization.kubernetes.io/autoupdate", "true"));
  }

  private static ClusterRole role(String name, List<PolicyRule> rules) {
    return new ClusterRole(meta(name), rules);
  }

  private static ClusterRoleBinding binding(String name, Subject... subjects) {
    return new ClusterRoleBinding(meta(name), List.of(subjects), RoleRef.clusterRole(name));
  }
}
