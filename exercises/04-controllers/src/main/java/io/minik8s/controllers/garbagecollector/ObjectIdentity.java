package io.minik8s.controllers.garbagecollector;

import io.minik8s.objects.meta.KubeObject;

/**
 * Which object a graph node stands for: enough to GET, update or delete it through the typed
 * client. Upstream: {@code objectReference} in pkg/controller/garbagecollector/graph.go.
 */
public record ObjectIdentity(
    String apiVersion, String kind, String namespace, String name, String uid) {

  public static ObjectIdentity of(KubeObject object) {
    return new ObjectIdentity(object.apiVersion(), object.kind(), object.metadata().namespace(),
        object.metadata().name(), object.metadata().uid());
  }

  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name + " (uid " + uid + ")";
  }
}
