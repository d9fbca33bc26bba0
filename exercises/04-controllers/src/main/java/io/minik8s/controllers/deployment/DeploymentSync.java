package io.minik8s.controllers.deployment;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentStatus;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One sync of one Deployment: the ReplicaSets it owns, the steps of its strategy, and the
 * writes. Made fresh for every {@code sync(key)}, so nothing outlives a sync but what was
 * written to the API server. Upstream: sync.go, rolling.go, recreate.go and progress.go of
 * pkg/controller/deployment.
 *
 * <p>Every write returns the object as stored, which replaces the cached one for the rest of the
 * sync: a second write then carries the right resourceVersion, and the status counts what was
 * just decided.
 */
final class DeploymentSync {

  private final KubeClient client;
  private final Clock clock;
  private final ControllerLoop loop;
  /** The Deployment as last read or written in this sync. */
  private Deployment d;
  /** The ReplicaSets it owns, each as last read or written; the new one once created. */
  private final List<ReplicaSet> owned;
  /** Pods matching its selector (Recreate only). */
  private final List<Pod> pods;

  DeploymentSync(KubeClient client, Clock clock, Deployment d, List<ReplicaSet> owned,
      List<Pod> pods, ControllerLoop loop) {
    this.client = client;
    this.clock = clock;
    this.loop = loop;
    this.d = d;
    this.owned = new ArrayList<>(owned);
    this.pods = pods;
  }

  private ResourceClient<ReplicaSet> replicaSetClient() {
    return client.resource(ReplicaSet.class);
  }

  // --- the entry points, one per branch of syncDeployment ---

  /** A Deployment with an empty selector: only say the spec was seen. */
  void observeGenerationOnly() {
    DeploymentStatus status = d.status();
    long observed = status == null || status.observedGeneration() == null
        ? 0 : status.observedGeneration();
    if (observed < Deployments.generation(d)) {
      DeploymentStatus next = status == null
          ? new DeploymentStatus(Deployments.generation(d), null, null, null, null, null, null,
              null, Map.of())
          : new DeploymentStatus(Deployments.generation(d), status.replicas(),
              status.updatedReplicas(), status.readyReplicas(), status.availableReplicas(),
              status.unavailableReplicas(), status.conditions(), status.collisionCount(),
              status.unknownFields());
      writeStatus(next);
    }
  }

  /** A Deployment being deleted: status only, no ReplicaSet is created or scaled. */
  void syncStatusOnly() {
    NewAndOld rs = newAndOld(false);
    syncDeploymentStatus(rs);
  }

  /**
   * Paused, or resized without a template change (upstream's {@code sync}): scale the active
   * ReplicaSets proportionally, no rollout step. Paused Deployments also prune old revisions.
   */
  void scaleOnly() {
    NewAndOld rs = newAndOld(false);
    scale(rs);
    rs = current(rs);
    if (Deployments.isPaused(d)) {
      cleanupOldReplicaSets(rs.olds());
    }
    syncDeploymentStatus(rs);
  }

  /** One step of a RollingUpdate (upstream's {@code rolloutRolling}). */
  void rolloutRolling() {
    NewAndOld rs = newAndOld(true);
    if (reconcileNewReplicaSet(rs)) {
      syncRolloutStatus(current(rs));
      return;
    }
    if (reconcileOldReplicaSets(rs)) {
      syncRolloutStatus(current(rs));
      return;
    }
    rs = current(rs);
    if (DeploymentProgress.isComplete(d, DeploymentProgress.calculateStatus(
        d, rs.all(), rs.newRs(), clock.instant()))) {
      cleanupOldReplicaSets(rs.olds());
    }
    syncRolloutStatus(rs);
  }

  /**
   * One step of Recreate (upstream's {@code rolloutRecreate}): old ReplicaSets to 0; once none of
   * their pods is left, the new ReplicaSet (created only then) to the full count.
   */
  void rolloutRecreate() {
    NewAndOld rs = newAndOld(false);
    boolean scaledDown = false;
    for (ReplicaSet old : rs.olds()) {
      if (Deployments.isActive(old)) {
        scaleReplicaSet(old, 0);
        scaledDown = true;
      }
    }
    if (scaledDown) {
      syncRolloutStatus(current(rs));
      return;
    }
    if (oldPodsRunning(rs)) {
      syncRolloutStatus(current(rs));
      return;
    }
    if (rs.newRs() == null) {
      rs = newAndOld(true);
    }
    scaleReplicaSet(rs.newRs(), Deployments.replicas(d));
    rs = current(rs);
    if (DeploymentProgress.isComplete(d, DeploymentProgress.calculateStatus(
        d, rs.all(), rs.newRs(), clock.instant()))) {
      cleanupOldReplicaSets(rs.olds());
    }
    syncRolloutStatus(rs);
  }

  /**
   * Whether any pod of an old ReplicaSet may still run: their status still counts pods, or a pod
   * of theirs is in the cache and not finished (upstream's {@code oldPodsRunning}).
   */
  private boolean oldPodsRunning(NewAndOld rs) {
    if (Deployments.sumStatus(rs.olds()) > 0) {
      return true;
    }
    String newUid = rs.newRs() == null ? null : rs.newRs().metadata().uid();
    List<String> oldUids = rs.olds().stream().map(o -> o.metadata().uid()).toList();
    for (Pod pod : pods) {
      Optional<OwnerReference> ref = pod.metadata().controllerRef();
      if (ref.isEmpty() || ref.get().uid().equals(newUid) || !oldUids.contains(ref.get().uid())) {
        continue;
      }
      String phase = pod.status() == null ? null : pod.status().phase();
      if (!PodStatus.SUCCEEDED.equals(phase) && !PodStatus.FAILED.equals(phase)) {
        return true;
      }
    }
    return false;
  }

  // --- new and old ReplicaSets ---

  /** The new ReplicaSet (null if none and not to be created) and all the others. */
  record NewAndOld(ReplicaSet newRs, List<ReplicaSet> olds) {
    List<ReplicaSet> all() {
      List<ReplicaSet> all = new ArrayList<>(olds);
      if (newRs != null) {
        all.add(newRs);
      }
      return all;
    }
  }

  /** The same split with every ReplicaSet as last written. */
  private NewAndOld current(NewAndOld rs) {
    return new NewAndOld(
        rs.newRs() == null ? null : latest(rs.newRs()),
        rs.olds().stream().map(this::latest).toList());
  }

  private ReplicaSet latest(ReplicaSet rs) {
    return owned.stream().filter(o -> o.metadata().name().equals(rs.metadata().name()))
        .findFirst().orElse(rs);
  }

  private void remember(ReplicaSet written) {
    owned.removeIf(o -> o.metadata().name().equals(written.metadata().name()));
    owned.add(written);
  }

  /**
   * Upstream's {@code getAllReplicaSetsAndSyncRevision}: finds the new ReplicaSet, brings its
   * revision up to date (creating it if asked), and copies that revision onto the Deployment.
   */
  private NewAndOld newAndOld(boolean createIfMissing) {
    ReplicaSet existing = findNewReplicaSet(d, owned);
    List<ReplicaSet> olds = owned.stream().filter(rs -> rs != existing)
        .sorted(Deployments.BY_CREATION).toList();
    long newRevision = Deployments.maxRevision(olds) + 1;
    if (existing != null) {
      return new NewAndOld(syncExistingNewReplicaSet(existing, newRevision), olds);
    }
    if (!createIfMissing) {
      return new NewAndOld(null, olds);
    }
    return new NewAndOld(createNewReplicaSet(olds, newRevision), olds);
  }

  /**
   * The new ReplicaSet among {@code sets}: the oldest whose template equals the Deployment's but
   * for the {@code pod-template-hash} label (upstream's {@code FindNewReplicaSet}); null if none.
   */
  static ReplicaSet findNewReplicaSet(Deployment d, List<ReplicaSet> sets) {
    // BEGIN EXERCISE 4.2 — find the new ReplicaSet: same template but for the hash label
    throw new UnsupportedOperationException("TODO exercise 4.2: find the new ReplicaSet: same template but for the hash label");
    // END EXERCISE 4.2
  }

  /**
   * The new ReplicaSet to create for {@code d}: named {@code <deployment>-<hash>}, the hash label
   * added to the template's labels, the selector and its own labels, owned by {@code d}, with
   * {@code replicas} and the given annotations.
   */
  static ReplicaSet buildNewReplicaSet(
      Deployment d, String hash, int replicas, Map<String, String> annotations) {
    // BEGIN EXERCISE 4.2 — build the new ReplicaSet: name, hash label, selector, owner
    throw new UnsupportedOperationException("TODO exercise 4.2: build the new ReplicaSet: name, hash label, selector, owner");
    // END EXERCISE 4.2
  }

  /** The found new ReplicaSet with its revision (and minReadySeconds) brought up to date. */
  private ReplicaSet syncExistingNewReplicaSet(ReplicaSet existing, long newRevision) {
    Map<String, String> annotations = RevisionHistory.newReplicaSetAnnotations(
        d, existing.metadata().annotations(), newRevision, true);
    boolean minReadyChanged = !Objects.equals(
        existing.spec().minReadySeconds(), d.spec().minReadySeconds());
    ReplicaSet rs = existing;
    if (!annotations.equals(existing.metadata().annotations()) || minReadyChanged) {
      ReplicaSetSpec s = existing.spec();
      rs = replicaSetClient().update(existing
          .withMetadata(existing.metadata().withAnnotations(annotations))
          .withSpec(new ReplicaSetSpec(s.replicas(), d.spec().minReadySeconds(), s.selector(),
              s.template(), s.unknownFields())));
      remember(rs);
    }
    setDeploymentRevision(rs.metadata().annotations().get(Deployments.REVISION));
    if (Deployments.hasProgressDeadline(d)
        && DeploymentProgress.find(d.status(), DeploymentProgress.PROGRESSING).isEmpty()) {
      writeCondition(DeploymentProgress.condition(DeploymentProgress.PROGRESSING, Condition.TRUE,
          DeploymentProgress.FOUND_NEW_RS,
          "Found new replica set \"" + rs.metadata().name() + "\"", clock.instant()));
    }
    return rs;
  }

  /**
   * Creates the new ReplicaSet, sized as the surge allows. A name taken by a ReplicaSet with
   * another template is a hash collision: bump {@code status.collisionCount} (so the next hash
   * differs) and fail, to retry.
   */
  private ReplicaSet createNewReplicaSet(List<ReplicaSet> olds, long newRevision) {
    Integer collisions = d.status() == null ? null : d.status().collisionCount();
    String hash = PodTemplateHash.compute(d.spec().template(), collisions);
    int replicas = RollingUpdateMath.newReplicaSetReplicas(Deployments.replicas(d),
        Deployments.maxSurge(d), Deployments.sumSpec(olds), 0);
    if (Deployments.isRecreate(d)) {
      replicas = Deployments.replicas(d);
    }
    Map<String, String> annotations = RevisionHistory.newReplicaSetAnnotations(
        d, Map.of(), newRevision, false);
    ReplicaSet wanted = buildNewReplicaSet(d, hash, replicas, annotations);
    ReplicaSet created;
    boolean alreadyExists = false;
    try {
      created = replicaSetClient().create(wanted);
    } catch (AlreadyExistsException e) {
      ReplicaSet taken = replicaSetClient().get(d.metadata().namespace(), wanted.metadata().name());
      boolean ours = taken.metadata().controllerRef()
          .map(ref -> Objects.equals(ref.uid(), d.metadata().uid())).orElse(false);
      if (!ours || !Deployments.equalIgnoreHash(taken.spec().template(), d.spec().template())) {
        int next = collisions == null ? 1 : collisions + 1;
        writeStatus(DeploymentProgress.withCollisionCount(statusOrEmpty(), next));
        throw e;
      }
      created = taken; // our own, not yet in the cache
      alreadyExists = true;
    }
    remember(created);
    setDeploymentRevision(Long.toString(newRevision));
    if (!alreadyExists && Deployments.hasProgressDeadline(d)) {
      writeCondition(DeploymentProgress.condition(DeploymentProgress.PROGRESSING, Condition.TRUE,
          DeploymentProgress.NEW_RS_CREATED,
          "Created new replica set \"" + created.metadata().name() + "\"", clock.instant()));
    }
    return created;
  }

  /** The Deployment carries its new ReplicaSet's revision, as {@code rollout history} shows. */
  private void setDeploymentRevision(String revision) {
    if (revision == null
        || revision.equals(d.metadata().annotations().get(Deployments.REVISION))) {
      return;
    }
    Map<String, String> annotations = new HashMap<>(d.metadata().annotations());
    annotations.put(Deployments.REVISION, revision);
    d = client.resource(Deployment.class)
        .update(d.withMetadata(d.metadata().withAnnotations(annotations)));
  }

  // --- rolling update ---

  /** Scale the new ReplicaSet up as far as maxSurge allows (or down to replicas). */
  private boolean reconcileNewReplicaSet(NewAndOld rs) {
    ReplicaSet newRs = rs.newRs();
    int desired = Deployments.replicas(d);
    int current = Deployments.specReplicas(newRs);
    if (current == desired) {
      return false;
    }
    if (current > desired) {
      return scaleReplicaSet(newRs, desired);
    }
    int target = RollingUpdateMath.newReplicaSetReplicas(
        desired, Deployments.maxSurge(d), Deployments.sumSpec(rs.all()), current);
    return scaleReplicaSet(newRs, target);
  }

  /**
   * Scale old ReplicaSets down as far as maxUnavailable allows: first their unavailable pods,
   * then available ones above the minimum (upstream's {@code reconcileOldReplicaSets}).
   */
  private boolean reconcileOldReplicaSets(NewAndOld rs) {
    List<ReplicaSet> olds = rs.olds().stream().filter(Deployments::isActive).toList();
    if (Deployments.sumSpec(olds) == 0) {
      return false;
    }
    int desired = Deployments.replicas(d);
    int maxUnavailable = Deployments.maxUnavailable(d);
    int budget = RollingUpdateMath.maxScaledDown(Deployments.sumSpec(rs.all()), desired,
        maxUnavailable, Deployments.specReplicas(rs.newRs()),
        Deployments.availableReplicas(rs.newRs()));
    if (budget <= 0) {
      return false;
    }
    boolean scaled = false;
    List<Integer> cleaned = RollingUpdateMath.cleanupUnhealthy(olds.stream()
        .map(o -> new RollingUpdateMath.Scale(
            Deployments.specReplicas(o), Deployments.availableReplicas(o)))
        .toList(), budget);
    for (int i = 0; i < olds.size(); i++) {
      scaled |= scaleReplicaSet(olds.get(i), cleaned.get(i));
    }
    List<ReplicaSet> afterCleanup = olds.stream().map(this::latest).toList();
    List<ReplicaSet> all = new ArrayList<>(afterCleanup);
    all.add(latest(rs.newRs()));
    List<Integer> sizes = RollingUpdateMath.scaleDownOld(
        afterCleanup.stream().map(Deployments::specReplicas).toList(),
        desired, maxUnavailable, Deployments.sumAvailable(all));
    for (int i = 0; i < afterCleanup.size(); i++) {
      scaled |= scaleReplicaSet(afterCleanup.get(i), sizes.get(i));
    }
    return scaled;
  }

  // --- scaling (paused, or resized) ---

  /**
   * Whether the Deployment was resized: an active ReplicaSet remembers another desired count
   * (upstream's {@code isScalingEvent}).
   */
  boolean isScalingEvent() {
    NewAndOld rs = newAndOld(false);
    String desired = Integer.toString(Deployments.replicas(d));
    return rs.all().stream().filter(Deployments::isActive)
        .map(r -> r.metadata().annotations().get(Deployments.DESIRED_REPLICAS))
        .anyMatch(annotated -> annotated != null && !annotated.equals(desired));
  }

  /**
   * Upstream's {@code scale}: one active ReplicaSet (or none: the newest) simply takes the new
   * count; a saturated new ReplicaSet means the old ones go to 0; otherwise, during a rolling
   * update, the change is shared among the active ReplicaSets in proportion to their sizes.
   */
  private void scale(NewAndOld rs) {
    List<ReplicaSet> active = rs.all().stream().filter(Deployments::isActive).toList();
    int desired = Deployments.replicas(d);
    if (active.size() <= 1) {
      ReplicaSet target = active.isEmpty() ? newest(rs) : active.get(0);
      if (target != null) {
        scaleReplicaSet(target, desired);
      }
      return;
    }
    if (rs.newRs() != null && isSaturated(rs.newRs())) {
      for (ReplicaSet old : rs.olds()) {
        if (Deployments.isActive(old)) {
          scaleReplicaSet(old, 0);
        }
      }
      return;
    }
    if (Deployments.isRecreate(d)) {
      return;
    }
    int allowed = desired == 0 ? 0 : desired + Deployments.maxSurge(d);
    int toAdd = allowed - Deployments.sumSpec(active);
    if (toAdd == 0) {
      return;
    }
    // growing: largest (then newest) first; shrinking: largest (then oldest) first
    Comparator<ReplicaSet> bySize = Comparator.comparingInt(Deployments::specReplicas).reversed();
    List<ReplicaSet> ordered = active.stream()
        .sorted(toAdd > 0 ? bySize.thenComparing(Deployments.BY_CREATION.reversed())
            : bySize.thenComparing(Deployments.BY_CREATION))
        .toList();
    List<Integer> sizes = RollingUpdateMath.proportionalSizes(
        ordered.stream().map(Deployments::specReplicas).toList(), toAdd);
    for (int i = 0; i < ordered.size(); i++) {
      scaleReplicaSet(ordered.get(i), sizes.get(i));
    }
  }

  private ReplicaSet newest(NewAndOld rs) {
    if (rs.newRs() != null) {
      return rs.newRs();
    }
    return rs.olds().stream().max(Deployments.BY_CREATION).orElse(null);
  }

  /** The new ReplicaSet has every pod asked for, all available (upstream's {@code IsSaturated}). */
  private boolean isSaturated(ReplicaSet newRs) {
    String desired = newRs.metadata().annotations().get(Deployments.DESIRED_REPLICAS);
    int replicas = Deployments.replicas(d);
    return Deployments.specReplicas(newRs) == replicas
        && Integer.toString(replicas).equals(desired)
        && Deployments.availableReplicas(newRs) == replicas;
  }

  /**
   * Sets a ReplicaSet's {@code spec.replicas} (and its replicas annotations); false if nothing
   * changed. Upstream: {@code scaleReplicaSet} in sync.go.
   */
  private boolean scaleReplicaSet(ReplicaSet rs, int replicas) {
    ReplicaSet current = latest(rs);
    Map<String, String> annotations = new HashMap<>(current.metadata().annotations());
    annotations.putAll(RevisionHistory.replicasAnnotations(d));
    boolean resize = Deployments.specReplicas(current) != replicas;
    if (!resize && annotations.equals(current.metadata().annotations())) {
      return false;
    }
    ReplicaSet written = replicaSetClient().update(current
        .withMetadata(current.metadata().withAnnotations(annotations))
        .withSpec(current.spec().withReplicas(replicas)));
    remember(written);
    return resize;
  }

  // --- history ---

  private void cleanupOldReplicaSets(List<ReplicaSet> olds) {
    int limit = Deployments.revisionHistoryLimit(d);
    if (limit == Deployments.UNLIMITED) {
      return;
    }
    for (ReplicaSet rs : RevisionHistory.toDelete(olds.stream().map(this::latest).toList(),
        limit)) {
      replicaSetClient().delete(rs.metadata().namespace(), rs.metadata().name(),
          DeleteOptions.DEFAULT);
      owned.removeIf(o -> o.metadata().name().equals(rs.metadata().name()));
    }
  }

  // --- status ---

  /** Spec paused or resumed: Progressing Unknown, so the pause does not count as no progress. */
  void checkPausedConditions() {
    if (!Deployments.hasProgressDeadline(d)) {
      return;
    }
    Optional<Condition> current = DeploymentProgress.find(d.status(), DeploymentProgress.PROGRESSING);
    if (current.isPresent() && DeploymentProgress.TIMED_OUT.equals(current.get().reason())) {
      return; // a reported lack of progress is not overwritten by a pause
    }
    boolean pausedCondition = current.isPresent()
        && DeploymentProgress.PAUSED.equals(current.get().reason());
    if (Deployments.isPaused(d) && !pausedCondition) {
      writeCondition(DeploymentProgress.condition(DeploymentProgress.PROGRESSING,
          Condition.UNKNOWN, DeploymentProgress.PAUSED, "Deployment is paused", clock.instant()));
    } else if (!Deployments.isPaused(d) && pausedCondition) {
      writeCondition(DeploymentProgress.condition(DeploymentProgress.PROGRESSING,
          Condition.UNKNOWN, DeploymentProgress.RESUMED, "Deployment is resumed",
          clock.instant()));
    }
  }

  private void syncDeploymentStatus(NewAndOld rs) {
    writeStatusIfChanged(DeploymentProgress.calculateStatus(
        d, rs.all(), rs.newRs(), clock.instant()));
  }

  private void syncRolloutStatus(NewAndOld rs) {
    DeploymentStatus next =
        DeploymentProgress.rolloutStatus(d, rs.all(), rs.newRs(), clock.instant());
    writeStatusIfChanged(next);
    // nothing else may wake us when the deadline passes: look again just after it
    DeploymentProgress.recheckAfter(d, d.status(), clock.instant())
        .ifPresent(delay -> loop.enqueueAfter(Keys.of(d), delay));
  }

  private void writeCondition(Condition condition) {
    DeploymentStatus status = statusOrEmpty();
    writeStatus(DeploymentProgress.withConditions(status,
        DeploymentProgress.set(status.conditions(), condition)));
  }

  private DeploymentStatus statusOrEmpty() {
    return d.status() != null ? d.status()
        : new DeploymentStatus(null, null, null, null, null, null, null, null, Map.of());
  }

  private void writeStatusIfChanged(DeploymentStatus next) {
    if (d.status() != null && Codec.toTree(d.status()).equals(Codec.toTree(next))) {
      return;
    }
    writeStatus(next);
  }

  private void writeStatus(DeploymentStatus next) {
    d = client.resource(Deployment.class).updateStatus(d.withStatus(next));
  }
}
