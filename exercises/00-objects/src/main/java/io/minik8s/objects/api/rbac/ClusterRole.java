package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * A set of permissions across the cluster (or on non-resource URLs), granted cluster-wide by a
 * {@link ClusterRoleBinding} or within one namespace by a {@link RoleBinding}. Its {@code
 * aggregationRule} is kept among the unknown fields: the course has no aggregation controller.
 * Cluster-scoped.
 *
 * <p>Upstream: {@code rbacv1.ClusterRole}.
 */
public record ClusterRole(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<PolicyRule> rules,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "rbac.authorization.k8s.io/v1";
  public static final String KIND = "ClusterRole";

  public ClusterRole {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    rules = Copies.list(rules);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ClusterRole(ObjectMeta metadata, List<PolicyRule> rules) {
    this(API_VERSION, KIND, metadata, rules, Map.of());
  }

  @Override
  public ClusterRole withMetadata(ObjectMeta metadata) {
    return new ClusterRole(apiVersion, kind, metadata, rules, unknownFields);
  }
}
