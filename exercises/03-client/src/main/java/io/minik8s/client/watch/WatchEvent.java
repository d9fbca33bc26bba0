package io.minik8s.client.watch;

import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;

/**
 * One line of a watch stream: {@code {"type":"ADDED","object":{...}}}. An ERROR event has a
 * {@link #status()} and no object; every other event has an object and no status.
 */
public record WatchEvent<T extends KubeObject>(EventType type, T object, Status status) {

  public static <T extends KubeObject> WatchEvent<T> of(EventType type, T object) {
    return new WatchEvent<>(type, object, null);
  }

  public static <T extends KubeObject> WatchEvent<T> error(Status status) {
    return new WatchEvent<>(EventType.ERROR, null, status);
  }
}
