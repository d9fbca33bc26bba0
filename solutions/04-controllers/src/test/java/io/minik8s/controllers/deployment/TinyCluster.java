package io.minik8s.controllers.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.client.cache.IndexFunction;
import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.Lister;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.patch.JsonMergePatch;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A small in-memory API server and informers over it, for the Deployment controller's unit
 * tests: the client writes objects (with resourceVersions, uids, generations, conflicts) and
 * logs each write as an action; the informers' caches are views of the same objects, i.e.
 * caches that have caught up. No threads.
 */
final class TinyCluster implements KubeClient {

  /** Every write, as "verb kind namespace/name", e.g. "create ReplicaSet default/web-abc". */
  final List<String> actions = new ArrayList<>();
  private final Map<Class<?>, Map<String, KubeObject>> objects = new HashMap<>();
  private long resourceVersion = 100;
  private long uids = 0;
  /** Creation times are one second apart, in creation order, so "oldest" is well defined. */
  private Instant nextCreation = Instant.parse("2025-01-01T00:00:00Z");

  @SuppressWarnings("unchecked")
  private <T extends KubeObject> Map<String, T> store(Class<T> type) {
    return (Map<String, T>) (Map<String, ?>) objects.computeIfAbsent(type, t -> new LinkedHashMap<>());
  }

  <T extends KubeObject> List<T> list(Class<T> type) {
    return List.copyOf(store(type).values());
  }

  <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
    return store(type).get(Keys.of(namespace, name));
  }

  /** Puts an object as it is (a test's fixture), filling uid and resourceVersion if missing. */
  <T extends KubeObject> T put(T object) {
    @SuppressWarnings("unchecked")
    Class<T> type = (Class<T>) object.getClass();
    ObjectMeta meta = object.metadata();
    if (meta.uid() == null) {
      meta = meta.withUid("uid-" + ++uids);
    }
    if (meta.creationTimestamp() == null) {
      meta = meta.withCreationTimestamp(nextCreationTime());
    }
    meta = meta.withResourceVersion(Long.toString(++resourceVersion));
    @SuppressWarnings("unchecked")
    T stored = (T) object.withMetadata(meta);
    store(type).put(Keys.of(stored), stored);
    return stored;
  }

  void remove(KubeObject object) {
    store(object.getClass()).remove(Keys.of(object));
  }

  private String nextCreationTime() {
    String time = nextCreation.toString();
    nextCreation = nextCreation.plusSeconds(1);
    return time;
  }

  /** The actions of one verb and kind, e.g. ("update", "ReplicaSet"). */
  List<String> actions(String verb, String kind) {
    return actions.stream().filter(a -> a.startsWith(verb + " " + kind + " ")).toList();
  }

  @Override
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    return new Resource<>(type);
  }

  @Override
  public String defaultNamespace() {
    return "default";
  }

  <T extends KubeObject> Informer<T> informer(Class<T> type) {
    return new Informer<>(type);
  }

  private static Status failure(int code, String reason, String message) {
    return Status.failure(code, reason, message, null);
  }

  private final class Resource<T extends KubeObject> implements ResourceClient<T> {
    private final Class<T> type;

    Resource(Class<T> type) {
      this.type = type;
    }

    private String kind() {
      return type.getSimpleName();
    }

    private T existing(String namespace, String name) {
      T current = store(type).get(Keys.of(namespace, name));
      if (current == null) {
        throw new NotFoundException(failure(404, "NotFound", kind() + " " + name + " not found"));
      }
      return current;
    }

    private void checkVersion(T current, T given) {
      String expected = given.metadata().resourceVersion();
      if (expected != null && !expected.equals(current.metadata().resourceVersion())) {
        throw new ConflictException(failure(409, "Conflict", "the object has been modified"));
      }
    }

    private T stamp(T object, ObjectMeta meta) {
      @SuppressWarnings("unchecked")
      T stamped = (T) object.withMetadata(
          meta.withResourceVersion(Long.toString(++resourceVersion)));
      store(type).put(Keys.of(stamped), stamped);
      return stamped;
    }

    @Override
    public T get(String namespace, String name) {
      return existing(namespace, name);
    }

    @Override
    public ObjectList<T> list(String namespace, ListOptions options) {
      return new ObjectList<>(null, kind() + "List", null, List.copyOf(store(type).values()),
          Map.of());
    }

    @Override
    public T create(T object) {
      ObjectMeta meta = object.metadata();
      if (store(type).containsKey(Keys.of(object))) {
        throw new AlreadyExistsException(failure(409, "AlreadyExists", meta.name() + " exists"));
      }
      actions.add("create " + kind() + " " + Keys.of(object));
      meta = meta.withUid("uid-" + ++uids).withGeneration(1L)
          .withCreationTimestamp(nextCreationTime());
      return stamp(object, meta);
    }

    @Override
    public T update(T object) {
      T current = existing(object.metadata().namespace(), object.metadata().name());
      checkVersion(current, object);
      actions.add("update " + kind() + " " + Keys.of(object));
      JsonNode oldSpec = Codec.toTree(current).get("spec");
      JsonNode newSpec = Codec.toTree(object).get("spec");
      long generation = current.metadata().generation() == null
          ? 1 : current.metadata().generation();
      if (!Objects.equals(oldSpec, newSpec)) {
        generation++;
      }
      // status is not written through update, as the real server's status subresource
      ObjectNode tree = (ObjectNode) Codec.toTree(object);
      JsonNode status = Codec.toTree(current).get("status");
      tree.remove("status");
      if (status != null) {
        tree.set("status", status);
      }
      T merged = Codec.fromTree(tree, type);
      return stamp(merged, merged.metadata().withGeneration(generation)
          .withUid(current.metadata().uid())
          .withCreationTimestamp(current.metadata().creationTimestamp()));
    }

    @Override
    public T updateStatus(T object) {
      T current = existing(object.metadata().namespace(), object.metadata().name());
      checkVersion(current, object);
      actions.add("updateStatus " + kind() + " " + Keys.of(object));
      ObjectNode tree = (ObjectNode) Codec.toTree(current);
      JsonNode status = Codec.toTree(object).get("status");
      tree.remove("status");
      if (status != null) {
        tree.set("status", status);
      }
      T merged = Codec.fromTree(tree, type);
      return stamp(merged, merged.metadata());
    }

    @Override
    public T patch(String namespace, String name, PatchType patchType, String patch) {
      T current = existing(namespace, name);
      JsonNode patchTree = Codec.toTree(Codec.fromJson(patch, Object.class));
      JsonNode expected = patchTree.path("metadata").get("resourceVersion");
      if (expected != null && !expected.asText().equals(current.metadata().resourceVersion())) {
        throw new ConflictException(failure(409, "Conflict", "the object has been modified"));
      }
      actions.add("patch " + kind() + " " + Keys.of(namespace, name));
      T patched = Codec.fromTree(JsonMergePatch.apply(Codec.toTree(current), patchTree), type);
      return stamp(patched, patched.metadata());
    }

    @Override
    public void delete(String namespace, String name, DeleteOptions options) {
      existing(namespace, name);
      actions.add("delete " + kind() + " " + Keys.of(namespace, name));
      store(type).remove(Keys.of(namespace, name));
    }

    @Override
    public WatchStream<T> watch(String namespace, ListOptions options) {
      throw new UnsupportedOperationException("TinyCluster does not watch");
    }
  }

  /**
   * An informer whose cache is the cluster's own objects (always caught up). Handlers are kept
   * so a test can play an event to them.
   */
  final class Informer<T extends KubeObject> implements SharedIndexInformer<T> {
    private final Class<T> type;
    final List<ResourceEventHandler<T>> handlers = new ArrayList<>();

    Informer(Class<T> type) {
      this.type = type;
    }

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
          put(object);
        }

        @Override public void update(T object) {
          put(object);
        }

        @Override public void delete(T object) {
          remove(object);
        }

        @Override public List<T> list() {
          return TinyCluster.this.list(type);
        }

        @Override public List<String> listKeys() {
          return list().stream().map(Keys::of).toList();
        }

        @Override public Optional<T> getByKey(String key) {
          return Optional.ofNullable(store(type).get(key));
        }

        @Override public void replace(List<T> items, String resourceVersion) {
          store(type).clear();
          items.forEach(TinyCluster.this::put);
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
          return TinyCluster.this.list(type).stream()
              .filter(o -> selector.matches(o.metadata().labels())).toList();
        }

        @Override public List<T> list(String namespace, Selector selector) {
          return list(selector).stream()
              .filter(o -> Objects.equals(namespace, o.metadata().namespace())).toList();
        }

        @Override public Optional<T> get(String namespace, String name) {
          return Optional.ofNullable(store(type).get(Keys.of(namespace, name)));
        }
      };
    }

    @Override
    public boolean hasSynced() {
      return true;
    }

    @Override
    public String lastSyncResourceVersion() {
      return Long.toString(resourceVersion);
    }

    @Override
    public void start() {}

    @Override
    public void stop() {}
  }
}
