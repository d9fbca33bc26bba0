package io.minik8s.apiserver.storage;

import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.store.api.Bytes;

/**
 * Where one resource's objects live in the store:
 *
 * <pre>
 * /registry/pods/default/web      a namespaced object
 * /registry/pods/default/         the prefix of one namespace (list, watch)
 * /registry/pods/                 the prefix of every namespace
 * /registry/namespaces/kube-system   a cluster-scoped object
 * </pre>
 *
 * The trailing slash of a prefix matters: {@code /registry/pods/default} would also match a
 * namespace called {@code default-2}.
 *
 * <p>Upstream: the registry's {@code KeyRootFunc}/{@code KeyFunc}
 * (k8s.io/apiserver/pkg/registry/generic/registry/store.go, {@code NamespaceKeyFunc}).
 */
public final class KeyLayout {

  /** The root of everything the API server stores, as in Kubernetes. */
  public static final String ROOT = "/registry/";

  private final ResourceType type;

  public KeyLayout(ResourceType type) {
    this.type = type;
  }

  /** {@code /registry/<plural>/}: every object of the resource. */
  public String resourcePrefix() {
    return ROOT + type.plural() + "/";
  }

  /**
   * The prefix of one namespace's objects, or of all of them when {@code namespace} is empty or
   * the resource is cluster-scoped.
   */
  public String prefix(String namespace) {
    if (!type.namespaced() || namespace == null || namespace.isEmpty()) {
      return resourcePrefix();
    }
    return resourcePrefix() + namespace + "/";
  }

  /** The key of one object; a namespaced resource needs a namespace. */
  public Bytes key(String namespace, String name) {
    if (type.namespaced() && (namespace == null || namespace.isEmpty())) {
      throw new IllegalArgumentException(
          "the object " + name + " of the namespaced resource " + type.plural() + " has no namespace");
    }
    return Bytes.of(prefix(namespace) + name);
  }
}
