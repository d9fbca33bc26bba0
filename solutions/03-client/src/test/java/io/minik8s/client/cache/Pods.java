package io.minik8s.client.cache;

import io.minik8s.client.errors.GoneException;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import java.util.List;
import java.util.Map;

/** Small pods and watch events for cache tests. */
final class Pods {

  private Pods() {}

  /** A pod in namespace {@code ns} at resourceVersion {@code rv}, unscheduled. */
  static Pod pod(String ns, String name, String rv) {
    return pod(ns, name, rv, null);
  }

  static Pod pod(String ns, String name, String rv, String node) {
    return new Pod(ObjectMeta.named(ns, name).withResourceVersion(rv),
        PodSpec.of(List.of()).withNodeName(node), null);
  }

  static Pod labelled(Pod pod, Map<String, String> labels) {
    return pod.withMetadata(pod.metadata().withLabels(labels));
  }

  static WatchEvent<Pod> added(Pod pod) {
    return WatchEvent.of(EventType.ADDED, pod);
  }

  static WatchEvent<Pod> modified(Pod pod) {
    return WatchEvent.of(EventType.MODIFIED, pod);
  }

  static WatchEvent<Pod> deleted(Pod pod) {
    return WatchEvent.of(EventType.DELETED, pod);
  }

  /** A bookmark: an object with nothing but a resourceVersion. */
  static WatchEvent<Pod> bookmark(String rv) {
    return WatchEvent.of(EventType.BOOKMARK,
        new Pod(ObjectMeta.EMPTY.withResourceVersion(rv), null, null));
  }

  static WatchEvent<Pod> error(int code, String reason) {
    return WatchEvent.error(Status.failure(code, reason, "scripted " + code, null));
  }

  static GoneException gone() {
    return new GoneException(Status.failure(410, "Expired", "too old resource version", null));
  }
}
