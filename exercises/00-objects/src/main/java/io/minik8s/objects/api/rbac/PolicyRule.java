package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * One permission of a role: the {@code verbs} allowed on the {@code resources} of the {@code
 * apiGroups} (optionally only the objects named in {@code resourceNames}), or on the {@code
 * nonResourceURLs}. {@code "*"} matches anything in its list; {@code ""} in {@code apiGroups} is
 * the core group; a resource may name a subresource as {@code pods/status}.
 *
 * <p>Upstream: {@code rbacv1.PolicyRule}.
 */
public record PolicyRule(
    List<String> verbs,
    List<String> apiGroups,
    List<String> resources,
    List<String> resourceNames,
    List<String> nonResourceURLs,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public PolicyRule {
    verbs = Copies.list(verbs);
    apiGroups = Copies.list(apiGroups);
    resources = Copies.list(resources);
    resourceNames = Copies.list(resourceNames);
    nonResourceURLs = Copies.list(nonResourceURLs);
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A rule on resources of these groups, for any object name. */
  public static PolicyRule resources(List<String> verbs, List<String> apiGroups,
      List<String> resources) {
    return new PolicyRule(verbs, apiGroups, resources, null, null, Map.of());
  }

  /** A rule on paths that are not resources ({@code /healthz}, {@code /api/*}). */
  public static PolicyRule nonResourceURLs(List<String> verbs, List<String> urls) {
    return new PolicyRule(verbs, null, null, null, urls, Map.of());
  }
}
