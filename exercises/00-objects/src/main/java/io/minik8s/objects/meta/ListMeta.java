package io.minik8s.objects.meta;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The metadata of a list response: the store revision the list was read at, and the token to
 * fetch the next page. {@code continue} is a Java keyword, hence {@code continueToken} in Java
 * and {@code "continue"} on the wire.
 *
 * <p>Upstream: {@code metav1.ListMeta}.
 */
public record ListMeta(
    String resourceVersion,
    @JsonProperty("continue") String continueToken,
    Long remainingItemCount,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ListMeta {
    unknownFields = Copies.unknown(unknownFields);
  }

  public ListMeta(String resourceVersion, String continueToken) {
    this(resourceVersion, continueToken, null, Map.of());
  }
}
