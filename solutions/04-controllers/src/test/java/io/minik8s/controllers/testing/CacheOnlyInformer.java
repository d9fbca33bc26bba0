package io.minik8s.controllers.testing;

import io.minik8s.client.cache.IndexFunction;
import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.Lister;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.KubeObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * An informer that never runs: a cache a test fills by hand through {@link #indexer()}, and a
 * lister over it. Handlers are kept but never called; tests call the controller's handler
 * methods themselves. Only the namespace index is supported.
 */
public final class CacheOnlyInformer<T extends KubeObject> implements SharedIndexInformer<T> {

  private final Map<String, T> objects = new ConcurrentSkipListMap<>();
  private final List<ResourceEventHandler<T>> handlers = new ArrayList<>();

  private final Indexer<T> indexer = new Indexer<>() {
    @Override public void add(T object) {
      objects.put(Keys.of(object), object);
    }

    @Override public void update(T object) {
      add(object);
    }

    @Override public void delete(T object) {
      objects.remove(Keys.of(object));
    }

    @Override public List<T> list() {
      return List.copyOf(objects.values());
    }

    @Override public List<String> listKeys() {
      return List.copyOf(objects.keySet());
    }

    @Override public Optional<T> getByKey(String key) {
      return Optional.ofNullable(objects.get(key));
    }

    @Override public void replace(List<T> items, String resourceVersion) {
      objects.clear();
      items.forEach(this::add);
    }

    @Override public List<T> byIndex(String indexName, String value) {
      requireNamespaceIndex(indexName);
      return objects.values().stream()
          .filter(o -> Objects.equals(o.metadata().namespace(), value)).toList();
    }

    @Override public List<String> indexKeys(String indexName, String value) {
      return byIndex(indexName, value).stream().map(Keys::of).toList();
    }

    @Override public void addIndexers(Map<String, IndexFunction<T>> indexers) {
      throw new UnsupportedOperationException("CacheOnlyInformer has only the namespace index");
    }

    private void requireNamespaceIndex(String indexName) {
      if (!BY_NAMESPACE.equals(indexName)) {
        throw new IllegalArgumentException("CacheOnlyInformer has no index " + indexName);
      }
    }
  };

  private final Lister<T> lister = new Lister<>() {
    @Override public List<T> list(Selector selector) {
      return objects.values().stream()
          .filter(o -> selector.matches(o.metadata().labels())).toList();
    }

    @Override public List<T> list(String namespace, Selector selector) {
      return indexer.byIndex(Indexer.BY_NAMESPACE, namespace).stream()
          .filter(o -> selector.matches(o.metadata().labels())).toList();
    }

    @Override public Optional<T> get(String namespace, String name) {
      return indexer.getByKey(Keys.of(namespace, name));
    }
  };

  @Override public void addEventHandler(ResourceEventHandler<T> handler) {
    handlers.add(handler);
  }

  @Override public void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod) {
    handlers.add(handler);
  }

  @Override public Indexer<T> indexer() {
    return indexer;
  }

  @Override public Lister<T> lister() {
    return lister;
  }

  @Override public boolean hasSynced() {
    return true;
  }

  @Override public String lastSyncResourceVersion() {
    return "";
  }

  @Override public void start() {}

  @Override public void stop() {}
}
