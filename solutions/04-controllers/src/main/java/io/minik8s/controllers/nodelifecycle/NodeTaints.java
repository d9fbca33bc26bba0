package io.minik8s.controllers.nodelifecycle;

import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The NoExecute taints the node lifecycle controller manages (upstream: {@code
 * processTaintBaseEviction} and {@code UnreachableTaintTemplate}/{@code NotReadyTaintTemplate} in
 * pkg/controller/nodelifecycle/node_lifecycle_controller.go; the helpers of pkg/util/taints).
 *
 * <pre>
 *   Ready condition        taint it calls for
 *   True                   none (both removed)
 *   False                  node.kubernetes.io/not-ready:NoExecute
 *   Unknown or missing     node.kubernetes.io/unreachable:NoExecute
 * </pre>
 */
public final class NodeTaints {

  private NodeTaints() {}

  /** Whether {@code taint} is one of the two this controller adds and removes. */
  static boolean isManaged(Taint taint) {
    return Taint.NO_EXECUTE.equals(taint.effect())
        && (Taint.UNREACHABLE.equals(taint.key()) || Taint.NOT_READY.equals(taint.key()));
  }

  /**
   * The node's taints as its {@code Ready} status ({@code True}, {@code False}, {@code Unknown},
   * or null when missing) calls for: other taints are kept in their order; the wanted managed
   * taint is kept as it is if present (its {@code timeAdded} is when eviction timers started) or
   * appended with {@code timeAdded = now}; the other managed taint is removed. Unchanged input
   * gives an equal list, so the caller can skip the update.
   */
  static List<Taint> forReadiness(List<Taint> current, String readyStatus, Instant now) {
    // BEGIN EXERCISE 4.4 — the taints a node's readiness calls for
    String wanted;
    if (Condition.TRUE.equals(readyStatus)) {
      wanted = null;
    } else if (Condition.FALSE.equals(readyStatus)) {
      wanted = Taint.NOT_READY;
    } else {
      wanted = Taint.UNREACHABLE;
    }
    List<Taint> result = new ArrayList<>();
    boolean present = false;
    for (Taint taint : current) {
      if (!isManaged(taint)) {
        result.add(taint);
      } else if (taint.key().equals(wanted) && !present) {
        result.add(taint);
        present = true;
      }
    }
    if (wanted != null && !present) {
      result.add(new Taint(wanted, null, Taint.NO_EXECUTE, Timestamps.format(now), Map.of()));
    }
    return result;
    // END EXERCISE 4.4
  }
}
