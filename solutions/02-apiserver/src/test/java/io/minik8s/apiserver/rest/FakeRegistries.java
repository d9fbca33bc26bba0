package io.minik8s.apiserver.rest;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.DeleteOptions;
import io.minik8s.apiserver.storage.DeleteResult;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.ObjectList;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.apiserver.storage.UpdateFunction;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.apiserver.storage.WatchSink;
import io.minik8s.objects.scheme.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A test stand-in for the storage layer: objects in a sorted map, one revision counter, watches
 * told synchronously. Enough for the front door's tests (no paging, no graceful deletion, no
 * generation); the real registry has its own tests.
 */
public final class FakeRegistries implements Registries {

  private final Map<ResourceType, Fake> registries = new ConcurrentHashMap<>();
  private long revision = 1;

  /** When set, a watch from this resourceVersion fails with 410 (a "compacted" revision). */
  public volatile String compactedVersion = "";

  @Override
  public ObjectRegistry forType(ResourceType type) {
    return registries.computeIfAbsent(type, Fake::new);
  }

  private synchronized long nextRevision() {
    return ++revision;
  }

  private final class Fake implements ObjectRegistry {
    private final ResourceType type;
    private final TreeMap<String, Unstructured> objects = new TreeMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private int generated;

    Fake(ResourceType type) {
      this.type = type;
    }

    record Watcher(String namespace, WatchOptions options, WatchSink sink) {}

    @Override
    public ResourceType type() {
      return type;
    }

    private String key(String namespace, String name) {
      return namespace + "/" + name;
    }

    @Override
    public synchronized Unstructured create(Unstructured object, boolean dryRun) {
      Unstructured stored = object.deepCopy();
      if (stored.name().isEmpty()) {
        stored.setName(stored.generateName() + "x" + (++generated));
      }
      String key = key(stored.namespace(), stored.name());
      if (objects.containsKey(key)) {
        throw StatusErrors.alreadyExists(type, stored.name());
      }
      stored.setUid("uid-" + stored.name());
      stored.setCreationTimestamp("2024-01-01T00:00:00Z");
      stored.setGeneration(1);
      if (dryRun) {
        return stored;
      }
      stored.setResourceVersion(Long.toString(nextRevision()));
      objects.put(key, stored);
      notify(WatchEvent.Type.ADDED, stored);
      return stored.deepCopy();
    }

    @Override
    public synchronized Unstructured get(String namespace, String name) {
      Unstructured object = objects.get(key(namespace, name));
      if (object == null) {
        throw StatusErrors.notFound(type, name);
      }
      return object.deepCopy();
    }

    @Override
    public synchronized ObjectList list(String namespace, ListOptions options) {
      List<Unstructured> items = new ArrayList<>();
      for (Unstructured object : objects.values()) {
        if ((namespace.isEmpty() || namespace.equals(object.namespace()))
            && options.predicate().matches(object)) {
          items.add(object.deepCopy());
        }
      }
      return new ObjectList(items, Long.toString(revision), "", null);
    }

    @Override
    public synchronized Unstructured update(String namespace, String name, UpdateFunction update,
        boolean dryRun) {
      Unstructured current = get(namespace, name);
      Unstructured next = update.apply(current.deepCopy());
      if (!next.resourceVersion().isEmpty()
          && !next.resourceVersion().equals(current.resourceVersion())) {
        throw StatusErrors.conflict(type, name, StatusErrors.OBJECT_MODIFIED);
      }
      next.setName(current.name());
      next.setNamespace(current.namespace());
      next.setUid(current.uid());
      if (dryRun) {
        return next;
      }
      next.setResourceVersion(Long.toString(nextRevision()));
      objects.put(key(namespace, name), next.deepCopy());
      notify(WatchEvent.Type.MODIFIED, next);
      return next;
    }

    @Override
    public synchronized DeleteResult delete(String namespace, String name, DeleteOptions options) {
      Unstructured current = get(namespace, name);
      if (!options.preconditionUid().isEmpty() && !options.preconditionUid().equals(current.uid())) {
        throw StatusErrors.conflict(type, name, "Precondition failed: UID in precondition: "
            + options.preconditionUid() + ", UID in object meta: " + current.uid());
      }
      if (!options.dryRun()) {
        objects.remove(key(namespace, name));
        current.setResourceVersion(Long.toString(nextRevision()));
        notify(WatchEvent.Type.DELETED, current);
      }
      return new DeleteResult(current, true);
    }

    @Override
    public synchronized ObjectWatch watch(String namespace, WatchOptions options, WatchSink sink) {
      if (!compactedVersion.isEmpty() && compactedVersion.equals(options.resourceVersion())) {
        throw StatusErrors.resourceExpired("too old resource version: "
            + options.resourceVersion() + " (" + revision + ")");
      }
      Watcher watcher = new Watcher(namespace, options, sink);
      if (options.resourceVersion().isEmpty() || options.resourceVersion().equals("0")) {
        list(namespace, new ListOptions(options.predicate(), 0, "", "")).items()
            .forEach(o -> sink.onEvent(new WatchEvent(WatchEvent.Type.ADDED, o.json())));
      }
      watchers.add(watcher);
      return () -> watchers.remove(watcher);
    }

    private void notify(WatchEvent.Type eventType, Unstructured object) {
      for (Watcher w : watchers) {
        if ((w.namespace().isEmpty() || w.namespace().equals(object.namespace()))
            && w.options().predicate().matches(object)) {
          w.sink().onEvent(new WatchEvent(eventType, object.deepCopy().json()));
        }
      }
    }

    /** How many watches are open, for tests that check a closed client closes its watch. */
    int watchers() {
      return watchers.size();
    }
  }

  /** Open watches on {@code type}. */
  public int watchers(ResourceType type) {
    return ((Fake) forType(type)).watchers();
  }
}
