package io.minik8s.objects.meta;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code status.conditions}: a {@code type} ("Ready", "Available", "Complete"...)
 * whose {@code status} is {@code "True"}, {@code "False"} or {@code "Unknown"} (strings, not
 * booleans), with the reason and time of the last transition.
 *
 * <p>Upstream has one condition type per kind (PodCondition, NodeCondition, DeploymentCondition,
 * JobCondition, and metav1.Condition for newer APIs). They differ only in which timestamps they
 * carry, so the course uses this one record, the union of their fields; a timestamp a kind does
 * not use stays null and is not written.
 */
public record Condition(
    String type,
    String status,
    Long observedGeneration,
    String lastProbeTime,
    String lastHeartbeatTime,
    String lastUpdateTime,
    String lastTransitionTime,
    String reason,
    String message,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String TRUE = "True";
  public static final String FALSE = "False";
  public static final String UNKNOWN = "Unknown";

  public Condition {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A condition with a type, status, reason, message and transition time. */
  public static Condition of(
      String type, String status, String reason, String message, String lastTransitionTime) {
    return new Condition(
        type, status, null, null, null, null, lastTransitionTime, reason, message, Map.of());
  }

  /** Whether {@code status} is {@code "True"}. */
  @JsonIgnore
  public boolean isTrue() {
    return TRUE.equals(status);
  }

  /** The condition of the given type in {@code conditions}, if any. */
  public static Optional<Condition> find(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> type.equals(c.type())).findFirst();
  }
}
