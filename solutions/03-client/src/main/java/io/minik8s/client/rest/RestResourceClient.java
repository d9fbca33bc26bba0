package io.minik8s.client.rest;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.client.watch.HttpWatchStream;
import io.minik8s.client.watch.WatchLineDecoder;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.scheme.ResourceType;

/**
 * The typed client of one kind over {@link HttpTransport}: each verb is a path, a method and a
 * body, and each answer is decoded with {@link Codec} into {@code T}.
 *
 * <p>A null namespace of a namespaced kind means the client's default namespace for one object,
 * and all namespaces for a list or a watch (see {@link ResourceClient}).
 */
final class RestResourceClient<T extends KubeObject> implements ResourceClient<T> {

  private final HttpTransport transport;
  private final ResourceType type;
  private final Class<T> javaType;

  RestResourceClient(HttpTransport transport, ResourceType type, Class<T> javaType) {
    this.transport = transport;
    this.type = type;
    this.javaType = javaType;
  }

  @Override
  public T get(String namespace, String name) {
    return decode(transport.send("GET", objectPath(namespace, name, null), null, null));
  }

  @Override
  public ObjectList<T> list(String namespace, ListOptions options) {
    String path = RequestPaths.path(type, namespace, null, null)
        + RequestPaths.query(options == null ? ListOptions.ALL : options, false);
    return Codec.fromJsonList(transport.send("GET", path, null, null), javaType);
  }

  @Override
  public T create(T object) {
    String path = RequestPaths.path(type, namespaceOf(object), null, null);
    return decode(transport.send("POST", path, Codec.toJson(object), null));
  }

  @Override
  public T update(T object) {
    return decode(transport.send("PUT", objectPath(object, null), Codec.toJson(object), null));
  }

  @Override
  public T updateStatus(T object) {
    return decode(transport.send("PUT", objectPath(object, "status"), Codec.toJson(object), null));
  }

  @Override
  public T patch(String namespace, String name, PatchType patchType, String patch) {
    return decode(transport.send("PATCH", objectPath(namespace, name, null), patch,
        patchType.contentType()));
  }

  @Override
  public void delete(String namespace, String name, DeleteOptions options) {
    transport.send("DELETE", objectPath(namespace, name, null),
        deleteBody(options == null ? DeleteOptions.DEFAULT : options), null);
  }

  @Override
  public WatchStream<T> watch(String namespace, ListOptions options) {
    String path = RequestPaths.path(type, namespace, null, null)
        + RequestPaths.query(options == null ? ListOptions.ALL : options, true);
    return new HttpWatchStream<>(transport.openStream(path), new WatchLineDecoder<>(javaType));
  }

  /**
   * The JSON body of a delete: {@code {"kind":"DeleteOptions","apiVersion":"v1",
   * "propagationPolicy":...,"gracePeriodSeconds":...,"preconditions":{"uid":...,
   * "resourceVersion":...}}}, unset fields left out.
   */
  static String deleteBody(DeleteOptions options) {
    // BEGIN EXERCISE 3.1 — encode delete options as a DeleteOptions body (unset fields left out)
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("kind", "DeleteOptions");
    body.put("apiVersion", "v1");
    if (options.propagationPolicy() != null) {
      body.put("propagationPolicy", options.propagationPolicy());
    }
    if (options.gracePeriodSeconds() != null) {
      body.put("gracePeriodSeconds", options.gracePeriodSeconds());
    }
    if (options.preconditionUid() != null || options.preconditionResourceVersion() != null) {
      ObjectNode preconditions = body.putObject("preconditions");
      if (options.preconditionUid() != null) {
        preconditions.put("uid", options.preconditionUid());
      }
      if (options.preconditionResourceVersion() != null) {
        preconditions.put("resourceVersion", options.preconditionResourceVersion());
      }
    }
    return body.toString();
    // END EXERCISE 3.1
  }

  private T decode(String json) {
    return Codec.fromJson(json, javaType);
  }

  private String objectPath(T object, String subresource) {
    ObjectMeta meta = object.metadata();
    if (meta == null || meta.name() == null || meta.name().isEmpty()) {
      throw new IllegalArgumentException("cannot address a " + type.kind().kind()
          + " without metadata.name");
    }
    return RequestPaths.path(type, namespaceOf(object), meta.name(), subresource);
  }

  private String objectPath(String namespace, String name, String subresource) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("cannot address a " + type.kind().kind()
          + " without a name");
    }
    return RequestPaths.path(type, namespaceOr(namespace), name, subresource);
  }

  /** The object's namespace, or the client's default when it has none. */
  private String namespaceOf(T object) {
    return namespaceOr(object.metadata() == null ? null : object.metadata().namespace());
  }

  private String namespaceOr(String namespace) {
    if (!type.namespaced()) {
      return null;
    }
    return namespace == null || namespace.isEmpty() ? transport.config().namespace() : namespace;
  }
}
