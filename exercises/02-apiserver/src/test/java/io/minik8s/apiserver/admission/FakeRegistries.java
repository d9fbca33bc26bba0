package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.apiserver.storage.WatchSink;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An in-memory {@link Registries} for admission and auth tests: create, get and list only
 * (ungraded helper; the real registry is the storage package's).
 */
public final class FakeRegistries implements Registries {

  private final Map<ResourceType, Fake> registries = new HashMap<>();

  @Override
  public ObjectRegistry forType(ResourceType type) {
    return registries.computeIfAbsent(type, Fake::new);
  }

  /** Stores typed objects as they are (their kind decides the registry). */
  public FakeRegistries with(KubeObject... objects) {
    for (KubeObject object : objects) {
      ResourceType type = Scheme.builtIn().types().stream()
          .filter(t -> t.javaType() == object.getClass()).findFirst().orElseThrow();
      forType(type).create(Unstructured.of((ObjectNode) Codec.toTree(object)), false);
    }
    return this;
  }

  /** Stores a JSON object of {@code type}. */
  public FakeRegistries with(ResourceType type, Unstructured object) {
    forType(type).create(object, false);
    return this;
  }

  private static final class Fake implements ObjectRegistry {
    private final ResourceType type;
    private final Map<String, Unstructured> objects = new TreeMap<>();
    private long revision;

    Fake(ResourceType type) {
      this.type = type;
    }

    @Override
    public ResourceType type() {
      return type;
    }

    @Override
    public synchronized Unstructured create(Unstructured object, boolean dryRun) {
      String key = object.namespace() + "/" + object.name();
      if (objects.containsKey(key)) {
        throw StatusErrors.alreadyExists(type, object.name());
      }
      Unstructured stored = object.deepCopy();
      stored.setResourceVersion(Long.toString(++revision));
      if (!dryRun) {
        objects.put(key, stored);
      }
      return stored.deepCopy();
    }

    @Override
    public synchronized Unstructured get(String namespace, String name) {
      Unstructured found = objects.get(namespace + "/" + name);
      if (found == null) {
        throw StatusErrors.notFound(type, name);
      }
      return found.deepCopy();
    }

    @Override
    public synchronized ObjectList list(String namespace, ListOptions options) {
      List<Unstructured> items = new ArrayList<>();
      objects.values().forEach(o -> {
        if ((namespace.isEmpty() || o.namespace().equals(namespace))
            && options.predicate().matches(o)) {
          items.add(o.deepCopy());
        }
      });
      return new ObjectList(items, Long.toString(revision), "", null);
    }

    @Override
    public Unstructured update(String namespace, String name, UpdateFunction update,
        boolean dryRun) {
      throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public DeleteResult delete(String namespace, String name, DeleteOptions options) {
      throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public ObjectWatch watch(String namespace, WatchOptions options, WatchSink sink) {
      throw new UnsupportedOperationException("not needed by these tests");
    }
  }
}
