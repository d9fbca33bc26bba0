package io.minik8s.client.rest;

import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;

/**
 * The verbs of one kind, as client-go's typed clients ({@code PodInterface}...). For a
 * cluster-scoped kind the namespace arguments are ignored (pass null); for a namespaced kind a
 * null namespace in {@link #list} and {@link #watch} means all namespaces.
 *
 * <p>Every method throws an {@link io.minik8s.client.errors.ApiStatusException} subclass when
 * the server answers with a {@code Status} failure ({@code NotFoundException},
 * {@code ConflictException}, ...), and {@link java.io.UncheckedIOException} when the server
 * cannot be reached.
 */
public interface ResourceClient<T extends KubeObject> {

  T get(String namespace, String name);

  ObjectList<T> list(String namespace, ListOptions options);

  /** Creates the object in {@code metadata.namespace} (or the client's default namespace). */
  T create(T object);

  /** Replaces the object; fails with a conflict if its resourceVersion is stale. */
  T update(T object);

  /** Replaces the object's status through the {@code status} subresource. */
  T updateStatus(T object);

  T patch(String namespace, String name, PatchType type, String patch);

  void delete(String namespace, String name, DeleteOptions options);

  /**
   * Opens a watch. The caller reads events with {@link WatchStream#next()} and closes it;
   * {@code options.resourceVersion()} says where the watch starts.
   */
  WatchStream<T> watch(String namespace, ListOptions options);
}
