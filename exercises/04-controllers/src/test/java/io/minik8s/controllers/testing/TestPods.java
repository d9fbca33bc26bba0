package io.minik8s.controllers.testing;

import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.ContainerStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.objects.meta.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pods for controller tests, built in small steps:
 * {@code ready(scheduled(pod("ns", "web-1", labels), "node-1"), since)}. A new pod is Pending,
 * unscheduled, not ready, with a uid, resourceVersion "1" and no creation time.
 */
public final class TestPods {

  private TestPods() {}

  public static Pod pod(String namespace, String name, Map<String, String> labels) {
    ObjectMeta meta = ObjectMeta.named(namespace, name).withLabels(labels)
        .withUid("uid-" + name).withResourceVersion("1");
    return new Pod(meta, PodSpec.of(List.of(Container.of("main", "minik8s/web:1"))),
        PodStatus.ofPhase(PodStatus.PENDING));
  }

  /** The pod with a controller reference to {@code owner} (replacing its owner references). */
  public static Pod ownedBy(Pod pod, KubeObject owner) {
    return pod.withMetadata(
        pod.metadata().withOwnerReferences(List.of(OwnerReference.controllerOf(owner))));
  }

  public static Pod scheduled(Pod pod, String node) {
    return pod.withSpec(pod.spec().withNodeName(node));
  }

  public static Pod phase(Pod pod, String phase) {
    return pod.withStatus(pod.status().withPhase(phase));
  }

  /** Running and Ready since {@code since}. */
  public static Pod ready(Pod pod, Instant since) {
    return readyCondition(phase(pod, PodStatus.RUNNING), Condition.TRUE, since);
  }

  /** Running with a Ready condition that is False. */
  public static Pod notReady(Pod pod, Instant since) {
    return readyCondition(phase(pod, PodStatus.RUNNING), Condition.FALSE, since);
  }

  private static Pod readyCondition(Pod pod, String status, Instant since) {
    List<Condition> conditions = new ArrayList<>(pod.status().conditions());
    conditions.removeIf(c -> "Ready".equals(c.type()));
    conditions.add(Condition.of("Ready", status, null, null,
        since == null ? null : Timestamps.format(since)));
    return pod.withStatus(pod.status().withConditions(conditions));
  }

  /** One container that restarted {@code restarts} times. */
  public static Pod restarts(Pod pod, int restarts) {
    return pod.withStatus(pod.status().withContainerStatuses(List.of(
        new ContainerStatus("main", null, true, restarts, "minik8s/web:1"))));
  }

  public static Pod createdAt(Pod pod, Instant created) {
    return pod.withMetadata(pod.metadata().withCreationTimestamp(Timestamps.format(created)));
  }

  /** Being deleted: a deletionTimestamp is set. */
  public static Pod terminating(Pod pod, Instant since) {
    return pod.withMetadata(pod.metadata().withDeletionTimestamp(Timestamps.format(since)));
  }

  public static Pod labeled(Pod pod, Map<String, String> labels) {
    return pod.withMetadata(pod.metadata().withLabels(labels));
  }

  /** The pod as the server returns it after a change: a higher resourceVersion. */
  public static Pod nextVersion(Pod pod) {
    long rv = Long.parseLong(pod.metadata().resourceVersion());
    return pod.withMetadata(pod.metadata().withResourceVersion(Long.toString(rv + 1)));
  }
}
