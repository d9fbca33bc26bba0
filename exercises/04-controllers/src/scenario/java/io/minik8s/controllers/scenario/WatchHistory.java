package io.minik8s.controllers.scenario;

import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every watch event of one kind in one namespace, from a list's resourceVersion on, in the order
 * the server wrote them. {@link #replay} folds them into the sequence of states the namespace
 * went through, so a scenario can check a property at every step ("never fewer than 3 ready
 * pods"), not just at the end, where a violation would already have healed.
 */
final class WatchHistory<T extends KubeObject> implements AutoCloseable {

  private final List<T> initial;
  private final List<WatchEvent<T>> events = new ArrayList<>();
  private final WatchStream<T> stream;
  private final Thread reader;

  WatchHistory(ResourceClient<T> resource, String namespace) {
    ObjectList<T> list = resource.list(namespace, ListOptions.ALL);
    initial = list.items();
    stream = resource.watch(namespace,
        ListOptions.ALL.withResourceVersion(list.metadata().resourceVersion()));
    reader = new Thread(() -> {
      WatchEvent<T> event;
      while ((event = stream.next()) != null) {
        if (event.type() == EventType.BOOKMARK) {
          continue;
        }
        synchronized (events) {
          events.add(event);
        }
      }
    }, "watch-history");
    reader.setDaemon(true);
    reader.start();
  }

  /** The events recorded so far. */
  List<WatchEvent<T>> events() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  /**
   * The value of {@code measure} on the state after the list and after every event: element 0
   * is the initial state.
   */
  <R> List<R> replay(Function<Map<String, T>, R> measure) {
    Map<String, T> state = new LinkedHashMap<>();
    initial.forEach(o -> state.put(o.metadata().name(), o));
    List<R> values = new ArrayList<>();
    values.add(measure.apply(state));
    for (WatchEvent<T> event : events()) {
      T object = event.object();
      if (event.type() == EventType.DELETED) {
        state.remove(object.metadata().name());
      } else if (event.type() == EventType.ADDED || event.type() == EventType.MODIFIED) {
        state.put(object.metadata().name(), object);
      }
      values.add(measure.apply(state));
    }
    return values;
  }

  @Override
  public void close() {
    stream.close();
  }
}
