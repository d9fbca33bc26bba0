package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.Optional;

/**
 * A thread-safe map from {@link Keys key} to the latest known object (upstream's
 * {@code cache.Store}). Readers get the stored objects themselves: they are immutable records,
 * so sharing them is safe, and a controller that wants to change one builds a copy.
 */
public interface Store<T extends KubeObject> {

  /** Adds or replaces the object under its key. */
  void add(T object);

  void update(T object);

  void delete(T object);

  List<T> list();

  List<String> listKeys();

  Optional<T> getByKey(String key);

  /**
   * Replaces the whole content with a fresh list (after a relist); objects missing from
   * {@code items} are removed.
   */
  void replace(List<T> items, String resourceVersion);
}
