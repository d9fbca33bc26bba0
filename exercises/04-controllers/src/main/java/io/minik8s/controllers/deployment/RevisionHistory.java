package io.minik8s.controllers.deployment;

import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.ReplicaSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Deployment's history is its ReplicaSets: each carries the revision it was new at, and old
 * ones scaled to 0 are kept (up to {@code revisionHistoryLimit}) so {@code rollout undo} can go
 * back to them. Upstream: {@code SetNewReplicaSetAnnotations} in util/deployment_util.go and
 * {@code cleanupDeployment} in sync.go.
 *
 * <pre>
 *   rollout          ReplicaSets (revision)            after undo to revision 1
 *   create           web-aaa (1)
 *   image v2         web-aaa (1)  web-bbb (2)
 *   undo             web-aaa (3, history "1")  web-bbb (2)
 * </pre>
 */
final class RevisionHistory {

  /** Deployment annotations never copied onto a ReplicaSet (nor back on rollback). */
  static final Set<String> NOT_COPIED = Set.of(
      "kubectl.kubernetes.io/last-applied-configuration",
      Deployments.REVISION,
      Deployments.REVISION_HISTORY,
      Deployments.DESIRED_REPLICAS,
      Deployments.MAX_REPLICAS);

  private RevisionHistory() {}

  /**
   * The annotations the new ReplicaSet must carry: the Deployment's own (but those above), the
   * revision {@code newRevision} if that is higher than the one it has (a ReplicaSet that becomes
   * new again after a rollback moves to the top, and its former revision is appended to
   * {@code revision-history}), and, for one about to be created, the replica annotations.
   */
  static Map<String, String> newReplicaSetAnnotations(
      Deployment d, Map<String, String> current, long newRevision, boolean exists) {
    Map<String, String> annotations = new HashMap<>(current);
    d.metadata().annotations().forEach((key, value) -> {
      if (!NOT_COPIED.contains(key)) {
        annotations.put(key, value);
      }
    });
    String oldRevision = current.get(Deployments.REVISION);
    long oldRevisionNumber = parseOrZero(oldRevision);
    if (oldRevisionNumber < newRevision) {
      annotations.put(Deployments.REVISION, Long.toString(newRevision));
      if (oldRevision != null) {
        String history = current.getOrDefault(Deployments.REVISION_HISTORY, "");
        annotations.put(Deployments.REVISION_HISTORY,
            history.isEmpty() ? oldRevision : history + "," + oldRevision);
      }
    }
    if (!exists) {
      annotations.putAll(replicasAnnotations(d));
    }
    return annotations;
  }

  /** {@code desired-replicas} and {@code max-replicas} for the Deployment as it is now. */
  static Map<String, String> replicasAnnotations(Deployment d) {
    int replicas = Deployments.replicas(d);
    return Map.of(
        Deployments.DESIRED_REPLICAS, Integer.toString(replicas),
        Deployments.MAX_REPLICAS, Integer.toString(replicas + Deployments.maxSurge(d)));
  }

  /**
   * The old ReplicaSets to delete so that at most {@code limit} remain: the lowest revisions
   * first, and only ones with nothing left (0 desired, 0 existing pods, status up to date) and
   * not already being deleted.
   *
   * @param olds every old ReplicaSet of the Deployment (the new one excluded)
   */
  static List<ReplicaSet> toDelete(List<ReplicaSet> olds, int limit) {
    // BEGIN EXERCISE 4.2 — clean up old revisions beyond revisionHistoryLimit
    throw new UnsupportedOperationException("TODO exercise 4.2: clean up old revisions beyond revisionHistoryLimit");
    // END EXERCISE 4.2
  }

  private static long generation(ReplicaSet rs) {
    Long generation = rs.metadata().generation();
    return generation == null ? 0 : generation;
  }

  private static long observedGeneration(ReplicaSet rs) {
    Long observed = rs.status() == null ? null : rs.status().observedGeneration();
    return observed == null ? 0 : observed;
  }

  private static long parseOrZero(String revision) {
    if (revision == null) {
      return 0;
    }
    try {
      return Long.parseLong(revision);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
