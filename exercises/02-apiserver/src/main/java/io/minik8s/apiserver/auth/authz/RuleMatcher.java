package io.minik8s.apiserver.auth.authz;

import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.objects.api.rbac.PolicyRule;
import java.util.List;

/**
 * Whether one RBAC rule allows one request. For a resource request all four must match:
 *
 * <ul>
 *   <li>verb: listed, or {@code *};
 *   <li>API group: listed ({@code ""} is core), or {@code *};
 *   <li>resource: {@code *}; the resource with its subresource as {@code pods/status} (a rule
 *       for {@code pods} does NOT cover {@code pods/status}); or {@code * /status} (written
 *       without the space), any resource's status;
 *   <li>name: the rule lists no names, or lists this one (so a rule with resourceNames never
 *       allows list, create or watch of the collection, which have no name).
 * </ul>
 *
 * A non-resource request matches a rule whose verb matches and whose {@code nonResourceURLs}
 * has the path, {@code *}, or a prefix ending in {@code *} ({@code /healthz/*}).
 *
 * <p>Upstream: {@code RuleAllows} in plugin/pkg/auth/authorizer/rbac/rbac.go and the matchers
 * in pkg/apis/rbac/v1/evaluation_helpers.go.
 */
final class RuleMatcher {

  private RuleMatcher() {}

  static boolean allows(PolicyRule rule, RequestInfo request) {
    // BEGIN EXERCISE 2.5 — match verbs, groups, resources (incl. subresources and *), names, URLs
    throw new UnsupportedOperationException("TODO exercise 2.5: match verbs, groups, resources (incl. subresources and *), names, URLs");
    // END EXERCISE 2.5
  }

  private static boolean matches(List<String> allowed, String value) {
    return allowed.contains("*") || allowed.contains(value);
  }
}
