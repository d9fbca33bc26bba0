package io.minik8s.client.cache;

import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.util.List;
import java.util.Map;

/**
 * Standard {@link IndexFunction index functions}. A custom index is any lambda: {@code
 * indexer.addIndexers(Map.of("byImage", pod -> images(pod)))}.
 *
 * <p>Upstream: {@code cache.MetaNamespaceIndexFunc} (k8s.io/client-go/tools/cache/index.go); the
 * node-name index the kubelet-facing controllers add to the pod informer.
 */
public final class Indexers {

  /** The name of the {@link #byNodeName() pod index by node}. */
  public static final String BY_NODE_NAME = "nodeName";

  /** The name of the {@link #byControllerUid() index by controlling owner}. */
  public static final String BY_CONTROLLER_UID = "controllerUid";

  private Indexers() {}

  /** The namespace of a namespaced object; nothing for a cluster-scoped one. */
  public static <T extends KubeObject> IndexFunction<T> byNamespace() {
    return object -> {
      String namespace = object.metadata().namespace();
      return namespace == null || namespace.isEmpty() ? List.of() : List.of(namespace);
    };
  }

  /** A pod's {@code spec.nodeName}; nothing while the pod is unscheduled. */
  public static IndexFunction<Pod> byNodeName() {
    return pod -> {
      String node = pod.spec() == null ? null : pod.spec().nodeName();
      return node == null || node.isEmpty() ? List.of() : List.of(node);
    };
  }

  /** The uid of the object's controller (the owner reference with controller=true), if any. */
  public static <T extends KubeObject> IndexFunction<T> byControllerUid() {
    return object -> object.metadata().controllerRef()
        .map(OwnerReference::uid)
        .map(List::of)
        .orElse(List.of());
  }

  /** The value of one label; nothing when the object does not carry it. */
  public static <T extends KubeObject> IndexFunction<T> byLabel(String labelKey) {
    return object -> {
      ObjectMeta meta = object.metadata();
      Map<String, String> labels = meta.labels() == null ? Map.of() : meta.labels();
      String value = labels.get(labelKey);
      return value == null ? List.of() : List.of(value);
    };
  }
}
