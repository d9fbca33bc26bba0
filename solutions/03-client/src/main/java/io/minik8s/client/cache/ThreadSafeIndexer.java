package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The informer's cache: objects by {@link Keys key}, plus secondary indexes kept in step with
 * every change, so "pods on node-1" is a map lookup.
 *
 * <p>An index maps an index value to the keys of the objects whose index function yields it. The
 * hard part is an update that changes the indexed value: the key must leave the old value's set,
 * or "pods on node-1" keeps answering a pod that moved to node-2.
 *
 * <pre>
 *   add    web-1 (node-1)   nodeName: {node-1: [web-1]}
 *   add    web-2 (node-1)   nodeName: {node-1: [web-1, web-2]}
 *   update web-1 (node-2)   nodeName: {node-1: [web-2], node-2: [web-1]}
 *   delete web-2            nodeName: {node-2: [web-1]}           (empty sets are dropped)
 * </pre>
 *
 * <p>The {@link Indexer#BY_NAMESPACE namespace index} is always present.
 *
 * <p>Upstream: {@code threadSafeMap} and {@code storeIndex} in
 * k8s.io/client-go/tools/cache/thread_safe_store.go.
 */
public final class ThreadSafeIndexer<T extends KubeObject> implements Indexer<T> {

  /** Guards items, indexers and indices. Readers share it; writers hold it alone. */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  /** key -> latest object, in insertion order (stable listings). */
  private final Map<String, T> items = new LinkedHashMap<>();
  /** index name -> the function computing an object's values for it. */
  private final Map<String, IndexFunction<T>> indexers = new HashMap<>();
  /** index name -> index value -> keys of the objects with that value; no empty sets. */
  private final Map<String, Map<String, Set<String>>> indices = new HashMap<>();

  /** An indexer with only the namespace index. */
  public ThreadSafeIndexer() {
    this(Map.of());
  }

  /** An indexer with the namespace index and these. */
  public ThreadSafeIndexer(Map<String, IndexFunction<T>> extraIndexers) {
    indexers.put(BY_NAMESPACE, Indexers.byNamespace());
    indices.put(BY_NAMESPACE, new HashMap<>());
    addIndexers(extraIndexers);
  }

  @Override
  public void add(T object) {
    lock.writeLock().lock();
    try {
      putLocked(object);
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void update(T object) {
    add(object);
  }

  @Override
  public void delete(T object) {
    lock.writeLock().lock();
    try {
      String key = Keys.of(object);
      T old = items.remove(key);
      if (old != null) {
        updateIndicesLocked(old, null, key);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public void replace(List<T> newItems, String resourceVersion) {
    lock.writeLock().lock();
    try {
      items.clear();
      indices.replaceAll((name, index) -> new HashMap<>());
      for (T object : newItems) {
        putLocked(object);
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<T> list() {
    lock.readLock().lock();
    try {
      return List.copyOf(items.values());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> listKeys() {
    lock.readLock().lock();
    try {
      return List.copyOf(items.keySet());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<T> getByKey(String key) {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(items.get(key));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<T> byIndex(String indexName, String value) {
    lock.readLock().lock();
    try {
      List<T> result = new ArrayList<>();
      for (String key : keysLocked(indexName, value)) {
        result.add(items.get(key));
      }
      return result;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<String> indexKeys(String indexName, String value) {
    lock.readLock().lock();
    try {
      return List.copyOf(keysLocked(indexName, value));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public void addIndexers(Map<String, IndexFunction<T>> newIndexers) {
    lock.writeLock().lock();
    try {
      for (String name : newIndexers.keySet()) {
        if (indexers.containsKey(name)) {
          throw new IllegalArgumentException("an index named \"" + name + "\" exists already");
        }
      }
      for (Map.Entry<String, IndexFunction<T>> entry : newIndexers.entrySet()) {
        indexers.put(entry.getKey(), entry.getValue());
        indices.put(entry.getKey(), new HashMap<>());
      }
      for (Map.Entry<String, T> item : items.entrySet()) {
        for (String name : newIndexers.keySet()) {
          updateIndexLocked(name, null, item.getValue(), item.getKey());
        }
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  private void putLocked(T object) {
    String key = Keys.of(object);
    T old = items.put(key, object);
    updateIndicesLocked(old, object, key);
  }

  /** The keys under {@code value} in an index, sorted; the lock is held. */
  private Set<String> keysLocked(String indexName, String value) {
    Map<String, Set<String>> index = indices.get(indexName);
    if (index == null) {
      throw new IllegalArgumentException("no index named \"" + indexName + "\"");
    }
    return index.getOrDefault(value, Set.of());
  }

  /**
   * Moves {@code key} in every index from the values of {@code oldObject} to those of {@code
   * newObject}; either may be null (an add, a delete). The write lock is held.
   */
  private void updateIndicesLocked(T oldObject, T newObject, String key) {
    for (String name : indexers.keySet()) {
      updateIndexLocked(name, oldObject, newObject, key);
    }
  }

  private void updateIndexLocked(String name, T oldObject, T newObject, String key) {
    // BEGIN EXERCISE 3.3 — keep the indexes in step with add/update/delete
    IndexFunction<T> function = indexers.get(name);
    Map<String, Set<String>> index = indices.get(name);
    List<String> oldValues = oldObject == null ? List.of() : function.values(oldObject);
    List<String> newValues = newObject == null ? List.of() : function.values(newObject);
    for (String value : oldValues) {
      Set<String> keys = index.get(value);
      if (keys != null) {
        keys.remove(key);
        if (keys.isEmpty()) {
          index.remove(value); // no empty sets: an index of churned values must not grow forever
        }
      }
    }
    for (String value : newValues) {
      index.computeIfAbsent(value, v -> new TreeSet<>()).add(key);
    }
    // END EXERCISE 3.3
  }
}
