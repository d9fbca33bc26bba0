package io.minik8s.objects.meta;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Points from a dependent to its owner (a Pod to its ReplicaSet). At most one owner reference
 * has {@code controller: true}: that owner is the one that manages the object. The garbage
 * collector deletes dependents whose owners are gone.
 *
 * <p>Upstream: {@code metav1.OwnerReference}.
 */
public record OwnerReference(
    String apiVersion,
    String kind,
    String name,
    String uid,
    Boolean controller,
    Boolean blockOwnerDeletion,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public OwnerReference {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** The reference a controller puts on the objects it creates. */
  public static OwnerReference controllerOf(KubeObject owner) {
    return new OwnerReference(
        owner.apiVersion(), owner.kind(), owner.metadata().name(), owner.metadata().uid(),
        true, true, Map.of());
  }

  /** Whether this reference names the managing controller. */
  @JsonIgnore
  public boolean isControllerRef() {
    return Boolean.TRUE.equals(controller);
  }
}
