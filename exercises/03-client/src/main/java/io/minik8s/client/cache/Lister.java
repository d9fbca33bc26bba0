package io.minik8s.client.cache;

import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.Optional;

/** Read-only, typed queries on an informer's cache (upstream's generated listers). */
public interface Lister<T extends KubeObject> {

  /** Every cached object matching the selector. */
  List<T> list(Selector selector);

  /** Cached objects of one namespace matching the selector (uses the namespace index). */
  List<T> list(String namespace, Selector selector);

  Optional<T> get(String namespace, String name);
}
