package io.minik8s.objects.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ListMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * A list response: {@code {"apiVersion":"v1","kind":"PodList","metadata":{"resourceVersion":"42",
 * "continue":"..."},"items":[...]}}. One generic record serves every kind; the kind is the item
 * kind plus {@code "List"}. Items of a list response usually omit their own apiVersion and kind;
 * decoding fills them in from the record's defaults.
 *
 * <p>To decode one, give Jackson the item type: see {@code Codec.fromJsonList}.
 *
 * <p>Upstream: each Go kind has its own list type ({@code PodList}...) with {@code metav1.ListMeta}.
 */
public record ObjectList<T extends KubeObject>(
    String apiVersion,
    String kind,
    ListMeta metadata,
    List<T> items,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ObjectList {
    items = Copies.list(items);
    unknownFields = Copies.unknown(unknownFields);
  }

  /**
   * A list of objects of one kind: {@code of("v1", "Pod", meta, pods)} has kind {@code PodList}.
   */
  public static <T extends KubeObject> ObjectList<T> of(
      String apiVersion, String itemKind, ListMeta metadata, List<T> items) {
    return new ObjectList<>(apiVersion, itemKind + "List", metadata, items, Map.of());
  }
}
