package io.minik8s.controllers.job;

import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * A Job's pods counted the way its status reports them (upstream: the counting at the top of
 * {@code syncJob} in pkg/controller/job/job_controller.go).
 *
 * <pre>
 *   pod                                   active  succeeded  failed  ready
 *   Pending, or Running not yet Ready       1        .         .       .
 *   Running and Ready                       1        .         .       1
 *   Running, deletionTimestamp set          .        .         .       .   (on its way out)
 *   Succeeded                               .        1         .       .
 *   Failed                                  .        .         1       .
 * </pre>
 *
 * @param active pods that still run or will run: not finished, not being deleted
 * @param succeeded pods in phase {@code Succeeded}
 * @param failed pods in phase {@code Failed}
 * @param ready active pods whose {@code Ready} condition is {@code True}
 * @param activePods the active pods themselves (the ones the controller may delete)
 */
record JobPods(int active, int succeeded, int failed, int ready, List<Pod> activePods) {

  JobPods {
    activePods = List.copyOf(activePods);
  }

  /** Counts {@code pods}, the pods the Job owns (terminated ones included). */
  static JobPods count(List<Pod> pods) {
    // BEGIN EXERCISE 4.3 — count the job's pods by phase
    throw new UnsupportedOperationException("TODO exercise 4.3: count the job's pods by phase");
    // END EXERCISE 4.3
  }
}
