package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The role a binding grants: a {@code ClusterRole}, or a {@code Role} in the binding's own
 * namespace. Immutable once the binding exists.
 *
 * <p>Upstream: {@code rbacv1.RoleRef}.
 */
public record RoleRef(
    String apiGroup,
    String kind,
    String name,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  /** The API group of every RBAC kind. */
  public static final String GROUP = "rbac.authorization.k8s.io";

  public RoleRef {
    unknownFields = Copies.unknown(unknownFields);
  }

  public static RoleRef clusterRole(String name) {
    return new RoleRef(GROUP, ClusterRole.KIND, name, Map.of());
  }

  public static RoleRef role(String name) {
    return new RoleRef(GROUP, Role.KIND, name, Map.of());
  }
}
