package io.minik8s.client.cache;

import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;

/** What a reflector needs from the server: list, then watch from the list's resourceVersion. */
public interface ListerWatcher<T extends KubeObject> {

  ObjectList<T> list(ListOptions options);

  WatchStream<T> watch(ListOptions options);

  /** Lists and watches one kind in a namespace (null: all namespaces). */
  static <T extends KubeObject> ListerWatcher<T> of(ResourceClient<T> client, String namespace) {
    return new ListerWatcher<>() {
      @Override
      public ObjectList<T> list(ListOptions options) {
        return client.list(namespace, options);
      }

      @Override
      public WatchStream<T> watch(ListOptions options) {
        return client.watch(namespace, options);
      }
    };
  }
}
