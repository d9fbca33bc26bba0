package io.minik8s.objects.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Which object a failed request was about, and why in detail.
 *
 * <p>Upstream: {@code metav1.StatusDetails}.
 */
public record StatusDetails(
    String name,
    String group,
    String kind,
    String uid,
    List<StatusCause> causes,
    Integer retryAfterSeconds,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public StatusDetails {
    causes = Copies.list(causes);
    unknownFields = Copies.unknown(unknownFields);
  }

  public StatusDetails(String name, String group, String kind, List<StatusCause> causes) {
    this(name, group, kind, null, causes, null, Map.of());
  }
}
