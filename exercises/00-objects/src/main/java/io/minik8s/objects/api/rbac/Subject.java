package io.minik8s.objects.api.rbac;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Who a binding grants its role to: {@code kind} is {@code User}, {@code Group} (both with
 * {@code apiGroup: rbac.authorization.k8s.io}) or {@code ServiceAccount} (with a {@code
 * namespace}).
 *
 * <p>Upstream: {@code rbacv1.Subject}.
 */
public record Subject(
    String kind,
    String apiGroup,
    String name,
    String namespace,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String USER = "User";
  public static final String GROUP = "Group";
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  public Subject {
    unknownFields = Copies.unknown(unknownFields);
  }

  public static Subject user(String name) {
    return new Subject(USER, RoleRef.GROUP, name, null, Map.of());
  }

  public static Subject group(String name) {
    return new Subject(GROUP, RoleRef.GROUP, name, null, Map.of());
  }

  public static Subject serviceAccount(String namespace, String name) {
    return new Subject(SERVICE_ACCOUNT, "", name, namespace, Map.of());
  }
}
