package io.minik8s.client.watch;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.manifest.ManifestException;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;

/**
 * Decodes one line of a watch response, {@code {"type":"ADDED","object":{...}}}, into a {@link
 * WatchEvent}: the object as {@code T} for ADDED, MODIFIED, DELETED and BOOKMARK; for ERROR the
 * object is a {@code Status} (e.g. 410 Expired: the resourceVersion is too old), which becomes
 * {@link WatchEvent#error}.
 *
 * <p>Upstream: {@code metav1.WatchEvent} and the stream decoder of k8s.io/apimachinery/pkg/watch
 * ({@code StreamWatcher.receive}); there, too, an ERROR event's object decodes as a Status.
 */
public final class WatchLineDecoder<T extends KubeObject> {

  private final Class<T> type;

  public WatchLineDecoder(Class<T> type) {
    this.type = type;
  }

  /**
   * @throws IllegalArgumentException quoting the line if it is not a watch event: not JSON, no
   *     or an unknown {@code type}, no {@code object}, or an object that does not fit {@code T}
   */
  public WatchEvent<T> decode(String line) {
    // BEGIN EXERCISE 3.1 — decode one watch line into an event (ERROR carries a Status)
    try {
      JsonNode event = Codec.fromJson(line, JsonNode.class);
      String name = event.path("type").asText("");
      EventType eventType;
      try {
        eventType = EventType.valueOf(name);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("watch event type \"" + name + "\" is unknown: "
            + line);
      }
      JsonNode object = event.path("object");
      if (!object.isObject()) {
        throw new IllegalArgumentException("watch event has no object: " + line);
      }
      if (eventType == EventType.ERROR) {
        return WatchEvent.error(Codec.fromTree(object, Status.class));
      }
      return WatchEvent.of(eventType, Codec.fromTree(object, type));
    } catch (ManifestException e) {
      throw new IllegalArgumentException("malformed watch event: " + e.getMessage() + ": "
          + line, e);
    }
    // END EXERCISE 3.1
  }
}
