package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * {@code phase} is {@code Active} or {@code Terminating}.
 *
 * <p>Upstream: {@code v1.NamespaceStatus}.
 */
public record NamespaceStatus(
    String phase,
    List<Condition> conditions,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String ACTIVE = "Active";
  public static final String TERMINATING = "Terminating";

  public NamespaceStatus {
    conditions = Copies.list(conditions);
    unknownFields = Copies.unknown(unknownFields);
  }

  public NamespaceStatus(String phase) {
    this(phase, null, Map.of());
  }
}
