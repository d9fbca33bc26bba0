package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Grants a {@link ClusterRole} everywhere: in every namespace and at the cluster scope.
 * Cluster-scoped.
 *
 * <p>Upstream: {@code rbacv1.ClusterRoleBinding}.
 */
public record ClusterRoleBinding(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<Subject> subjects,
    RoleRef roleRef,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "rbac.authorization.k8s.io/v1";
  public static final String KIND = "ClusterRoleBinding";

  public ClusterRoleBinding {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    subjects = Copies.list(subjects);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ClusterRoleBinding(ObjectMeta metadata, List<Subject> subjects, RoleRef roleRef) {
    this(API_VERSION, KIND, metadata, subjects, roleRef, Map.of());
  }

  @Override
  public ClusterRoleBinding withMetadata(ObjectMeta metadata) {
    return new ClusterRoleBinding(apiVersion, kind, metadata, subjects, roleRef, unknownFields);
  }
}
