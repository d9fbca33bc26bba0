package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;

/**
 * The key an object has in a cache and a workqueue: {@code namespace/name}, or {@code name} for a
 * cluster-scoped object (upstream's {@code cache.MetaNamespaceKeyFunc}).
 */
public final class Keys {

  private Keys() {}

  public static String of(KubeObject object) {
    ObjectMeta meta = object.metadata();
    return of(meta.namespace(), meta.name());
  }

  public static String of(String namespace, String name) {
    return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
  }

  /** The namespace of a key; null for a cluster-scoped one. */
  public static String namespace(String key) {
    int slash = key.indexOf('/');
    return slash < 0 ? null : key.substring(0, slash);
  }

  public static String name(String key) {
    return key.substring(key.indexOf('/') + 1);
  }
}
