package io.minik8s.controllers.deployment;

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
import java.util.TreeMap;

/**
 * An informer that is never started: its cache is what the test puts in it (see
 * {@link DeploymentFixture#catchUp()}), and its handlers are kept so a test can play an event to
 * them. No threads.
 */
final class CacheInformer<T extends KubeObject> implements SharedIndexInformer<T> {

  private final TreeMap<String, T> cache = new TreeMap<>();
  final List<ResourceEventHandler<T>> handlers = new ArrayList<>();

  @Override
  public void addEventHandler(ResourceEventHandler<T> handler) {
    handlers.add(handler);
  }

  @Override
  public void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod) {
    handlers.add(handler);
  }

  void fireAdd(T object) {
    handlers.forEach(h -> h.onAdd(object));
  }

  void fireUpdate(T old, T object) {
    handlers.forEach(h -> h.onUpdate(old, object));
  }

  void fireDelete(T object) {
    handlers.forEach(h -> h.onDelete(object));
  }

  @Override
  public Indexer<T> indexer() {
    return new Indexer<>() {
      @Override public void add(T object) {
        cache.put(Keys.of(object), object);
      }

      @Override public void update(T object) {
        cache.put(Keys.of(object), object);
      }

      @Override public void delete(T object) {
        cache.remove(Keys.of(object));
      }

      @Override public List<T> list() {
        return List.copyOf(cache.values());
      }

      @Override public List<String> listKeys() {
        return List.copyOf(cache.keySet());
      }

      @Override public Optional<T> getByKey(String key) {
        return Optional.ofNullable(cache.get(key));
      }

      @Override public void replace(List<T> items, String resourceVersion) {
        cache.clear();
        items.forEach(this::add);
      }

      @Override public List<T> byIndex(String indexName, String value) {
        return list().stream().filter(o -> value.equals(o.metadata().namespace())).toList();
      }

      @Override public List<String> indexKeys(String indexName, String value) {
        return byIndex(indexName, value).stream().map(Keys::of).toList();
      }

      @Override public void addIndexers(Map<String, IndexFunction<T>> indexers) {}
    };
  }

  @Override
  public Lister<T> lister() {
    return new Lister<>() {
      @Override public List<T> list(Selector selector) {
        return cache.values().stream()
            .filter(o -> selector.matches(o.metadata().labels())).toList();
      }

      @Override public List<T> list(String namespace, Selector selector) {
        return list(selector).stream()
            .filter(o -> Objects.equals(namespace, o.metadata().namespace())).toList();
      }

      @Override public Optional<T> get(String namespace, String name) {
        return Optional.ofNullable(cache.get(Keys.of(namespace, name)));
      }
    };
  }

  @Override
  public boolean hasSynced() {
    return true;
  }

  @Override
  public String lastSyncResourceVersion() {
    return "";
  }

  @Override
  public void start() {}

  @Override
  public void stop() {}
}
