package io.minik8s.bench;

import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A {@link KubeClient} that counts the requests made through it (one per verb call; a watch is
 * one request however long it streams), and tells a listener about every successful create.
 */
final class CountingKubeClient implements KubeClient {

  private final KubeClient delegate;
  private final AtomicLong requests = new AtomicLong();
  private final Consumer<KubeObject> onCreated;

  CountingKubeClient(KubeClient delegate, Consumer<KubeObject> onCreated) {
    this.delegate = delegate;
    this.onCreated = onCreated;
  }

  long requests() {
    return requests.get();
  }

  @Override
  public String defaultNamespace() {
    return delegate.defaultNamespace();
  }

  @Override
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    ResourceClient<T> inner = delegate.resource(type);
    return new ResourceClient<>() {
      @Override
      public T get(String namespace, String name) {
        requests.incrementAndGet();
        return inner.get(namespace, name);
      }

      @Override
      public ObjectList<T> list(String namespace, ListOptions options) {
        requests.incrementAndGet();
        return inner.list(namespace, options);
      }

      @Override
      public T create(T object) {
        requests.incrementAndGet();
        T created = inner.create(object);
        onCreated.accept(created);
        return created;
      }

      @Override
      public T update(T object) {
        requests.incrementAndGet();
        return inner.update(object);
      }

      @Override
      public T updateStatus(T object) {
        requests.incrementAndGet();
        return inner.updateStatus(object);
      }

      @Override
      public T patch(String namespace, String name, PatchType patchType, String patch) {
        requests.incrementAndGet();
        return inner.patch(namespace, name, patchType, patch);
      }

      @Override
      public void delete(String namespace, String name, DeleteOptions options) {
        requests.incrementAndGet();
        inner.delete(namespace, name, options);
      }

      @Override
      public WatchStream<T> watch(String namespace, ListOptions options) {
        requests.incrementAndGet();
        return inner.watch(namespace, options);
      }
    };
  }
}
