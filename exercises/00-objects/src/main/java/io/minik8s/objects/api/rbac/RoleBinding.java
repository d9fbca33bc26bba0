package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Grants a {@link Role} of its namespace, or a {@link ClusterRole} limited to its namespace, to
 * users, groups and service accounts.
 *
 * <p>Upstream: {@code rbacv1.RoleBinding}.
 */
public record RoleBinding(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<Subject> subjects,
    RoleRef roleRef,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "rbac.authorization.k8s.io/v1";
  public static final String KIND = "RoleBinding";

  public RoleBinding {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    subjects = Copies.list(subjects);
    unknownFields = Copies.unknown(unknownFields);
  }

  public RoleBinding(ObjectMeta metadata, List<Subject> subjects, RoleRef roleRef) {
    this(API_VERSION, KIND, metadata, subjects, roleRef, Map.of());
  }

  @Override
  public RoleBinding withMetadata(ObjectMeta metadata) {
    return new RoleBinding(apiVersion, kind, metadata, subjects, roleRef, unknownFields);
  }
}
