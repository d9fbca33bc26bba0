package io.minik8s.objects.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * One reason a request failed, e.g. for a 422 Invalid: {@code reason} is the field error type
 * ({@code "FieldValueRequired"}), {@code message} its human text, {@code field} the JSON path
 * ({@code "spec.containers[0].image"}).
 *
 * <p>Upstream: {@code metav1.StatusCause}; the Go field is {@code Type}, serialised as {@code
 * "reason"}.
 */
public record StatusCause(
    String reason,
    String message,
    String field,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public StatusCause {
    unknownFields = Copies.unknown(unknownFields);
  }

  public StatusCause(String reason, String message, String field) {
    this(reason, message, field, Map.of());
  }
}
