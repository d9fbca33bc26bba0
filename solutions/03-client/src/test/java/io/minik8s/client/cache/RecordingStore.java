package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plain map store that also records every call as text ("add ns/web@5", "replace [ns/a] @100"),
 * so reflector tests read what the reflector did without depending on the indexer.
 */
final class RecordingStore<T extends KubeObject> implements Store<T> {

  final List<String> calls = new ArrayList<>();
  private final Map<String, T> items = new LinkedHashMap<>();

  @Override
  public synchronized void add(T object) {
    calls.add("add " + describe(object));
    items.put(Keys.of(object), object);
  }

  @Override
  public synchronized void update(T object) {
    calls.add("update " + describe(object));
    items.put(Keys.of(object), object);
  }

  @Override
  public synchronized void delete(T object) {
    calls.add("delete " + describe(object));
    items.remove(Keys.of(object));
  }

  @Override
  public synchronized List<T> list() {
    return List.copyOf(items.values());
  }

  @Override
  public synchronized List<String> listKeys() {
    return List.copyOf(items.keySet());
  }

  @Override
  public synchronized Optional<T> getByKey(String key) {
    return Optional.ofNullable(items.get(key));
  }

  @Override
  public synchronized void replace(List<T> newItems, String resourceVersion) {
    calls.add("replace " + newItems.stream().map(Keys::of).toList() + " @" + resourceVersion);
    items.clear();
    newItems.forEach(o -> items.put(Keys.of(o), o));
  }

  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  static String describe(KubeObject object) {
    return Keys.of(object) + "@" + object.metadata().resourceVersion();
  }
}
