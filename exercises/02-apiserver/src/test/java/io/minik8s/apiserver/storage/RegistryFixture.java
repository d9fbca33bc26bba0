package io.minik8s.apiserver.storage;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.Random;

/**
 * An in-memory store on a manual clock, the registries on it (seeded random, no bookmark timer),
 * and small object builders. Close it after each test.
 */
public final class RegistryFixture implements AutoCloseable {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Starts at 2024-01-01T00:00:00Z. */
  public final ManualClock clock = new ManualClock(java.time.Instant.parse("2024-01-01T00:00:00Z"));
  public final KeyValueStore store;
  public final StoreRegistries registries;
  public final Scheme scheme = Scheme.builtIn();

  public RegistryFixture() {
    this(EmbeddedStore.inMemory(ManualClock.startingAtEpochOfCourse()), 1000, 1000);
  }

  /** Registries on {@code store} with the given watch cache capacity and watcher queue. */
  public RegistryFixture(KeyValueStore store, int cacheCapacity, int watcherQueue) {
    this.store = store;
    this.registries = new StoreRegistries(store, scheme, clock, new Random(42),
        new StoreRegistries.Settings(cacheCapacity, watcherQueue, Duration.ZERO));
  }

  public ResourceType type(String plural) {
    return scheme.types().stream().filter(t -> t.plural().equals(plural)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no resource " + plural));
  }

  public ObjectRegistry pods() {
    return registries.forType(type("pods"));
  }

  public ObjectRegistry registry(String plural) {
    return registries.forType(type(plural));
  }

  /** Parses JSON (single quotes allowed for readability) into an object. */
  public static Unstructured object(String json) {
    try {
      return Unstructured.of((ObjectNode) JSON.readTree(json.replace('\'', '"')));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  public static Unstructured pod(String namespace, String name) {
    return object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'" + name
        + "','namespace':'" + namespace + "'},'spec':{'containers':[{'name':'c','image':'nginx'}]}}");
  }

  public static Unstructured labeledPod(String namespace, String name, String app) {
    Unstructured pod = pod(namespace, name);
    pod.setLabels(java.util.Map.of("app", app));
    return pod;
  }

  /** The raw stored value at {@code key}, or null. */
  public KeyValue raw(String key) {
    var kvs = store.range(RangeRequest.key(Bytes.of(key))).kvs();
    return kvs.isEmpty() ? null : kvs.get(0);
  }

  /** The store's current revision. */
  public long revision() {
    return store.range(RangeRequest.key(Bytes.of("/"))).header().revision();
  }

  @Override
  public void close() {
    registries.close();
    store.close();
  }
}
