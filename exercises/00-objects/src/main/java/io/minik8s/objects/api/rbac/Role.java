package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * A set of permissions within one namespace, granted by a {@link RoleBinding} there.
 *
 * <p>Upstream: {@code rbacv1.Role}.
 */
public record Role(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    List<PolicyRule> rules,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "rbac.authorization.k8s.io/v1";
  public static final String KIND = "Role";

  public Role {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    rules = Copies.list(rules);
    unknownFields = Copies.unknown(unknownFields);
  }

  public Role(ObjectMeta metadata, List<PolicyRule> rules) {
    this(API_VERSION, KIND, metadata, rules, Map.of());
  }

  @Override
  public Role withMetadata(ObjectMeta metadata) {
    return new Role(apiVersion, kind, metadata, rules, unknownFields);
  }
}
