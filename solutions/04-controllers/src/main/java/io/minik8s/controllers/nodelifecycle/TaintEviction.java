package io.minik8s.controllers.nodelifecycle;

import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.api.core.Toleration;
import io.minik8s.objects.meta.Timestamps;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Evicts pods from nodes with NoExecute taints they do not tolerate, or tolerate only for a
 * while (upstream: pkg/controller/tainteviction/taint_eviction.go, {@code processPodOnNode} and
 * {@code getMinTolerationTime}).
 *
 * <pre>
 *   the pod's tolerations of the node's NoExecute taints     the pod is deleted
 *   some taint not tolerated                                 now
 *   all tolerated, some with tolerationSeconds               at min(timeAdded + seconds)
 *   all tolerated without tolerationSeconds                  never
 * </pre>
 *
 * The API server's DefaultTolerationSeconds admission gives every pod tolerations of
 * not-ready and unreachable for 300 s, which is why pods of a dead node go 5 minutes later.
 *
 * <p>Upstream keeps a timed queue per pod, started when the taint manager first saw the taint.
 * We measure from the taint's {@code timeAdded} instead (falling back to when we first saw a
 * taint that has none), so the decision is a pure function of the objects and the clock, and a
 * restarted controller does not restart the timers.
 */
final class TaintEviction {

  private static final Logger LOG = System.getLogger(TaintEviction.class.getName());

  private final KubeClient client;
  private final Clock clock;
  /** For taints without {@code timeAdded}: when we first saw them, by "node/key:effect". */
  private final ConcurrentMap<String, Instant> firstSeen = new ConcurrentHashMap<>();

  TaintEviction(KubeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /**
   * Deletes the pods of {@code podsOnNode} whose time has come, and returns the earliest time a
   * remaining pod must go (when to look again), if any.
   */
  Optional<Instant> evict(Node node, List<Pod> podsOnNode) {
    Instant now = clock.instant();
    List<Taint> taints = withTimeAdded(node, now);
    Instant next = null;
    for (Pod pod : podsOnNode) {
      if (pod.metadata().deletionTimestamp() != null) {
        continue; // already going
      }
      List<Toleration> tolerations = pod.spec() == null ? List.of() : pod.spec().tolerations();
      Optional<Instant> due = evictionTime(taints, tolerations, now);
      if (due.isEmpty()) {
        continue;
      }
      if (due.get().isAfter(now)) {
        next = next == null || due.get().isBefore(next) ? due.get() : next;
        continue;
      }
      LOG.log(Level.INFO, "evicting pod {0}/{1} from node {2}", pod.metadata().namespace(),
          pod.metadata().name(), node.metadata().name());
      try {
        client.resource(Pod.class).delete(pod.metadata().namespace(), pod.metadata().name(),
            DeleteOptions.DEFAULT);
      } catch (NotFoundException alreadyGone) {
        // evicted by someone else: what we wanted
      }
    }
    return Optional.ofNullable(next);
  }

  /** The node's taints, each with a {@code timeAdded} (first sight for those without one). */
  private List<Taint> withTimeAdded(Node node, Instant now) {
    List<Taint> taints = node.spec() == null ? List.of() : node.spec().taints();
    String nodeName = node.metadata().name();
    firstSeen.keySet().removeIf(k -> k.startsWith(nodeName + "/")
        && taints.stream().noneMatch(t -> k.equals(nodeName + "/" + t.key() + ":" + t.effect())));
    return taints.stream().map(t -> t.timeAdded() != null ? t : new Taint(t.key(), t.value(),
        t.effect(), Timestamps.format(firstSeen.computeIfAbsent(
            nodeName + "/" + t.key() + ":" + t.effect(), k -> now)), t.unknownFields()))
        .toList();
  }

  /**
   * When a pod with {@code tolerations} must leave a node with {@code taints} (each with a
   * {@code timeAdded}); empty if it may stay forever. Only NoExecute taints count. For each, the
   * pod's first toleration that {@linkplain Tolerations#tolerates tolerates} it is the one used;
   * an untolerated taint means now; a used toleration with {@code tolerationSeconds} means that
   * taint's {@code timeAdded} plus those seconds (0 or less: at {@code timeAdded}); without, that
   * taint never evicts. The earliest time wins.
   */
  static Optional<Instant> evictionTime(List<Taint> taints, List<Toleration> tolerations,
      Instant now) {
    // BEGIN EXERCISE 4.4 — when must a pod be evicted
    Instant earliest = null;
    for (Taint taint : taints) {
      if (!Taint.NO_EXECUTE.equals(taint.effect())) {
        continue;
      }
      Optional<Toleration> used = tolerations.stream()
          .filter(t -> Tolerations.tolerates(t, taint)).findFirst();
      if (used.isEmpty()) {
        return Optional.of(now);
      }
      Long seconds = used.get().tolerationSeconds();
      if (seconds == null) {
        continue; // tolerated forever
      }
      Instant due = Timestamps.parse(taint.timeAdded()).plusSeconds(Math.max(0, seconds));
      earliest = earliest == null || due.isBefore(earliest) ? due : earliest;
    }
    return Optional.ofNullable(earliest);
    // END EXERCISE 4.4
  }
}
