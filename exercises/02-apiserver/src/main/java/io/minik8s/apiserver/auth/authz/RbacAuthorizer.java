package io.minik8s.apiserver.auth.authz;

import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.PolicyRule;
import io.minik8s.objects.api.rbac.Role;
import io.minik8s.objects.api.rbac.RoleBinding;
import io.minik8s.objects.api.rbac.RoleRef;
import io.minik8s.objects.api.rbac.Subject;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;

/**
 * Role-based access control: a request is allowed if some binding that applies to the user
 * grants a role with a rule that matches it ({@link RuleMatcher}). RBAC only adds permissions:
 * it never denies, it answers no opinion (with the problems it met, e.g. a binding to a missing
 * role, as the reason).
 *
 * <p>The walk, in upstream's order: every ClusterRoleBinding, then, for a namespaced request,
 * every RoleBinding of that namespace (a RoleBinding may grant a ClusterRole's rules within its
 * namespace). A binding applies when one of its subjects is the user's name ({@code User}), one
 * of the user's groups ({@code Group}), or the user is that ServiceAccount ({@code
 * system:serviceaccount:<ns>:<name>}; a RoleBinding's subject without a namespace means the
 * binding's). Members of {@code system:masters} are allowed everything, before any binding is
 * read (upstream does that in a separate privileged-groups authorizer in front of RBAC).
 *
 * <p>An allowed decision's reason says which binding allowed it: {@code RBAC: allowed by
 * ClusterRoleBinding "admins" of ClusterRole "cluster-admin" to Group "ops"}.
 *
 * <p>Upstream: plugin/pkg/auth/authorizer/rbac/rbac.go and {@code VisitRulesFor} in
 * pkg/registry/rbac/validation/rule.go.
 */
public final class RbacAuthorizer implements Authorizer {

  /*
   * Design: each decision lists the bindings from the registry. Upstream reads them from
   * informer caches (in-memory, watch-fed), so authorization costs no store round trip; the
   * course's registry reads go to the store, which is simple and always current.
   */

  public static final String MASTERS = "system:masters";

  private final Registries registries;

  public RbacAuthorizer(Registries registries) {
    this.registries = registries;
  }

  @Override
  public Decision authorize(Attributes attributes) {
    UserInfo user = attributes.user();
    if (user.groups().contains(MASTERS)) {
      return Decision.allow("");
    }
    List<String> errors = new ArrayList<>();
    // BEGIN EXERCISE 2.5 — walk ClusterRoleBindings, then the namespace's RoleBindings
    throw new UnsupportedOperationException("TODO exercise 2.5: walk ClusterRoleBindings, then the namespace's RoleBindings");
    // END EXERCISE 2.5
  }

  /** The first subject that is this user, or null. */
  static Subject appliesTo(UserInfo user, List<Subject> subjects, String bindingNamespace) {
    // BEGIN EXERCISE 2.5 — does a subject name this user, one of its groups, or its ServiceAccount?
    throw new UnsupportedOperationException("TODO exercise 2.5: does a subject name this user, one of its groups, or its ServiceAccount?");
    // END EXERCISE 2.5
  }

  /** The rules of the referenced role; a missing role adds an error and grants nothing. */
  private List<PolicyRule> rules(RoleRef ref, String bindingNamespace, List<String> errors) {
    try {
      if (Role.KIND.equals(ref.kind())) {
        return Codec.fromTree(registries.forType(type("roles"))
            .get(bindingNamespace, ref.name()).json(), Role.class).rules();
      }
      if (ClusterRole.KIND.equals(ref.kind())) {
        return Codec.fromTree(registries.forType(type("clusterroles"))
            .get("", ref.name()).json(), ClusterRole.class).rules();
      }
      errors.add("unsupported role reference kind: \"" + ref.kind() + "\"");
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
      errors.add(ref.kind().toLowerCase(java.util.Locale.ROOT) + "." + RoleRef.GROUP + " \""
          + ref.name() + "\" not found");
    }
    return List.of();
  }

  private List<Unstructured> list(String plural, String namespace) {
    return registries.forType(type(plural)).list(namespace, ListOptions.all()).items();
  }

  private static ResourceType type(String plural) {
    return Scheme.builtIn().forResource(new GroupVersionResource(RoleRef.GROUP, "v1", plural))
        .orElseThrow();
  }

  private static String describe(RoleRef ref) {
    return ref.kind() + " \"" + ref.name() + "\"";
  }

  /** Upstream's describeSubject: {@code Group "ops"}, {@code ServiceAccount "robot/team-a"}. */
  private static String describe(Subject subject, String bindingNamespace) {
    if (Subject.SERVICE_ACCOUNT.equals(subject.kind())) {
      String ns = subject.namespace() == null || subject.namespace().isEmpty()
          ? bindingNamespace : subject.namespace();
      return subject.kind() + " \"" + subject.name() + "/" + ns + "\"";
    }
    return subject.kind() + " \"" + subject.name() + "\"";
  }

  /** Upstream's error aggregate: one message as is, several as {@code [a, b]}. */
  private static String aggregate(List<String> errors) {
    List<String> distinct = errors.stream().distinct().toList();
    return distinct.size() == 1 ? distinct.get(0) : "[" + String.join(", ", distinct) + "]";
  }
}
