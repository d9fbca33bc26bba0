package io.minik8s.controllers.deployment;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.RateLimitingQueue;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.ownership.ControllerRefManager;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.labels.LabelSelectors;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.OwnerReference;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Deployment controller: for each Deployment, one ReplicaSet per pod template (the "new"
 * one matches the current template; the others are "old"), scaled so the pods move from old to
 * new as the strategy allows, and a status that says how far the rollout is.
 *
 * <p>Upstream: pkg/controller/deployment/deployment_controller.go ({@code syncDeployment}); the
 * work of one sync is in {@link DeploymentSync}.
 */
public final class DeploymentController implements Controller {

  /** Writes ReplicaSets and Deployments; every decision is taken on the caches. */
  private final KubeClient client;
  /** The Deployments to reconcile. */
  private final SharedIndexInformer<Deployment> deployments;
  /** Their ReplicaSets (and orphans a Deployment may adopt). */
  private final SharedIndexInformer<ReplicaSet> replicaSets;
  /** Only the Recreate strategy looks at pods: new pods wait until every old one is gone. */
  private final SharedIndexInformer<Pod> pods;
  /** Stamps conditions and judges progress deadlines. */
  private final Clock clock;
  private final ControllerLoop loop;

  public DeploymentController(KubeClient client, SharedIndexInformer<Deployment> deployments,
      SharedIndexInformer<ReplicaSet> replicaSets, SharedIndexInformer<Pod> pods, Clock clock) {
    this(client, deployments, replicaSets, pods, clock,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock));
  }

  /** With a given queue, so tests can see what the handlers enqueue. */
  DeploymentController(KubeClient client, SharedIndexInformer<Deployment> deployments,
      SharedIndexInformer<ReplicaSet> replicaSets, SharedIndexInformer<Pod> pods, Clock clock,
      RateLimitingQueue<String> queue) {
    this.client = client;
    this.deployments = deployments;
    this.replicaSets = replicaSets;
    this.pods = pods;
    this.clock = clock;
    this.loop = new ControllerLoop("deployment", queue, this::sync, 15,
        List.of(deployments, replicaSets, pods));
    deployments.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Deployment d) {
        loop.enqueue(d);
      }

      @Override public void onUpdate(Deployment old, Deployment d) {
        loop.enqueue(d);
      }

      @Override public void onDelete(Deployment d) {
        loop.enqueue(d);
      }
    });
    replicaSets.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(ReplicaSet rs) {
        replicaSetChanged(null, rs);
      }

      @Override public void onUpdate(ReplicaSet old, ReplicaSet rs) {
        replicaSetChanged(old, rs);
      }

      @Override public void onDelete(ReplicaSet rs) {
        rs.metadata().controllerRef().flatMap(ref -> owner(rs.metadata().namespace(), ref))
            .ifPresent(loop::enqueue);
      }
    });
    pods.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onDelete(Pod pod) {
        podDeleted(pod);
      }
    });
  }

  /** The controller the manager runs, on the shared informers. */
  public static DeploymentController create(ControllerContext ctx) {
    return new DeploymentController(ctx.client(),
        ctx.informers().informerFor(Deployment.class),
        ctx.informers().informerFor(ReplicaSet.class),
        ctx.informers().informerFor(Pod.class),
        ctx.clock());
  }

  @Override
  public String name() {
    return "deployment";
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  // --- event handlers: compute a key, enqueue it ---

  /**
   * A ReplicaSet appeared or changed: its controller must look again, and so must the old one if
   * the controller changed. An orphan wakes every Deployment whose selector matches it (one may
   * adopt it). A resync ({@code old == rs}) changes nothing. Package-private: tests play events.
   */
  void replicaSetChanged(ReplicaSet old, ReplicaSet rs) {
    if (old != null && Objects.equals(old.metadata().resourceVersion(),
        rs.metadata().resourceVersion())) {
      return;
    }
    String namespace = rs.metadata().namespace();
    Optional<OwnerReference> ref = rs.metadata().controllerRef();
    if (old != null) {
      Optional<OwnerReference> oldRef = old.metadata().controllerRef();
      if (oldRef.isPresent() && !oldRef.equals(ref)) {
        owner(namespace, oldRef.get()).ifPresent(loop::enqueue);
      }
    }
    if (ref.isPresent()) {
      owner(namespace, ref.get()).ifPresent(loop::enqueue);
      return;
    }
    if (old == null || !old.metadata().labels().equals(rs.metadata().labels())
        || old.metadata().controllerRef().isPresent()) {
      for (Deployment d : deployments.lister().list(namespace, Selector.everything())) {
        if (selectorOf(d).matches(rs.metadata().labels())) {
          loop.enqueue(d);
        }
      }
    }
  }

  /**
   * A Recreate rollout waits for the old pods to be gone; the last one's deletion is what lets
   * it go on, so wake the Deployment that owns the pod's ReplicaSet. Package-private: tests play
   * events.
   */
  void podDeleted(Pod pod) {
    String namespace = pod.metadata().namespace();
    pod.metadata().controllerRef()
        .filter(ref -> ReplicaSet.KIND.equals(ref.kind()))
        .flatMap(ref -> replicaSets.lister().get(namespace, ref.name())
            .filter(rs -> ref.uid().equals(rs.metadata().uid())))
        .flatMap(rs -> rs.metadata().controllerRef())
        .flatMap(ref -> owner(namespace, ref))
        .filter(Deployments::isRecreate)
        .ifPresent(loop::enqueue);
  }

  /** The Deployment a controller reference names, if it is in the cache with that uid. */
  private Optional<Deployment> owner(String namespace, OwnerReference ref) {
    if (!Deployment.KIND.equals(ref.kind())) {
      return Optional.empty();
    }
    return deployments.lister().get(namespace, ref.name())
        .filter(d -> Objects.equals(d.metadata().uid(), ref.uid()));
  }

  static Selector selectorOf(Deployment d) {
    return d.spec().selector() == null
        ? Selector.nothing() : LabelSelectors.toSelector(d.spec().selector());
  }

  // --- sync ---

  /**
   * Brings one Deployment's ReplicaSets and status to what its spec asks (upstream's
   * {@code syncDeployment}). In order: adopt and release ReplicaSets; a paused Deployment is
   * only scaled; a resize without a template change is only scaled; otherwise the strategy
   * moves the rollout one step.
   */
  void sync(String key) throws Exception {
    Optional<Deployment> cached =
        deployments.lister().get(Keys.namespace(key), Keys.name(key));
    if (cached.isEmpty()) {
      return; // deleted: the garbage collector removes its ReplicaSets
    }
    Deployment d = cached.get();
    LabelSelector selector = d.spec().selector();
    if (selector == null || selector.matchLabels().isEmpty()
        && selector.matchExpressions().isEmpty()) {
      // a selector selecting everything would adopt every ReplicaSet of the namespace
      new DeploymentSync(client, clock, d, List.of(), List.of(), loop).observeGenerationOnly();
      return;
    }
    List<ReplicaSet> owned = claimReplicaSets(d);
    DeploymentSync sync = new DeploymentSync(client, clock, d, owned, podsOf(d), loop);
    if (d.metadata().deletionTimestamp() != null) {
      sync.syncStatusOnly();
      return;
    }
    sync.checkPausedConditions();
    if (Deployments.isPaused(d) || sync.isScalingEvent()) {
      sync.scaleOnly();
    } else if (Deployments.isRecreate(d)) {
      sync.rolloutRecreate();
    } else {
      sync.rolloutRolling();
    }
  }

  /** The ReplicaSets this Deployment owns after adoption and release. */
  private List<ReplicaSet> claimReplicaSets(Deployment d) {
    List<ReplicaSet> candidates =
        replicaSets.lister().list(d.metadata().namespace(), Selector.everything());
    return new ControllerRefManager<>(d, selectorOf(d), client.resource(ReplicaSet.class))
        .claim(candidates);
  }

  private List<Pod> podsOf(Deployment d) {
    return pods.lister().list(d.metadata().namespace(), selectorOf(d));
  }

  // --- rollback ---

  /**
   * Rolls {@code deployment} back to the template of one of its revisions, as {@code kubectl
   * rollout undo [--to-revision=N]}, using the ReplicaSets in the cache: see
   * {@link #rolledBack}. The Deployment's next sync makes that ReplicaSet the new one again,
   * with the next revision number.
   *
   * @return the Deployment as written (or as it was, if its template is already that one)
   * @throws RevisionNotFoundException if no ReplicaSet of the Deployment has that revision
   */
  public Deployment rollbackTo(Deployment deployment, long revision) {
    List<ReplicaSet> owned = replicaSets.lister()
        .list(deployment.metadata().namespace(), Selector.everything()).stream()
        .filter(rs -> rs.metadata().controllerRef()
            .map(ref -> Objects.equals(ref.uid(), deployment.metadata().uid())).orElse(false))
        .toList();
    return rolledBack(deployment, owned, revision)
        .map(changed -> client.resource(Deployment.class).update(changed))
        .orElse(deployment);
  }

  /**
   * The Deployment rolled back to {@code revision}: the template (without the hash label) and
   * the annotations (but the revision bookkeeping) of the ReplicaSet with that revision among
   * {@code owned}. Revision 0 means the previous one (the second highest). Empty if the template
   * already is that one (upstream: "DeploymentRollbackTemplateUnchanged"). Pure, so the CLI can
   * use it on ReplicaSets it listed (kubectl's polymorphichelpers/rollback.go).
   *
   * @throws RevisionNotFoundException if no ReplicaSet in {@code owned} has that revision
   */
  public static Optional<Deployment> rolledBack(
      Deployment deployment, List<ReplicaSet> owned, long revision) {
    // BEGIN EXERCISE 4.2 — rollback to a revision: copy that ReplicaSet's template back
    long target = revision;
    if (target == 0) {
      // the previous revision: the highest one below the current maximum
      long max = Deployments.maxRevision(owned);
      target = owned.stream().mapToLong(Deployments::revision).filter(r -> r < max)
          .max().orElseThrow(() -> new RevisionNotFoundException(deployment, 0));
    }
    long wanted = target;
    ReplicaSet source = owned.stream()
        .filter(rs -> Deployments.revision(rs) == wanted)
        .findFirst()
        .orElseThrow(() -> new RevisionNotFoundException(deployment, wanted));
    if (Deployments.equalIgnoreHash(source.spec().template(), deployment.spec().template())) {
      return Optional.empty();
    }
    PodTemplateSpec template = Deployments.withoutHash(source.spec().template());
    Map<String, String> annotations = new HashMap<>();
    deployment.metadata().annotations().forEach((k, v) -> {
      if (RevisionHistory.NOT_COPIED.contains(k)) {
        annotations.put(k, v);
      }
    });
    source.metadata().annotations().forEach((k, v) -> {
      if (!RevisionHistory.NOT_COPIED.contains(k)) {
        annotations.put(k, v);
      }
    });
    DeploymentSpec spec = deployment.spec().withTemplate(template);
    return Optional.of(deployment.withSpec(spec)
        .withMetadata(deployment.metadata().withAnnotations(annotations)));
    // END EXERCISE 4.2
  }

  /** {@code rollout undo --to-revision=N} named a revision the Deployment does not have. */
  public static final class RevisionNotFoundException extends IllegalArgumentException {
    public RevisionNotFoundException(KubeObject deployment, long revision) {
      super(revision == 0
          ? "deployment \"" + deployment.metadata().name() + "\" has no previous revision"
          : "deployment \"" + deployment.metadata().name() + "\" has no revision " + revision
              + "; see the revisions with mkctl rollout history");
    }
  }
}
