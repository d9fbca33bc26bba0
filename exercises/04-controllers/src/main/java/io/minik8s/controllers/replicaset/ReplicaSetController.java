package io.minik8s.controllers.replicaset;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.Lister;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.RateLimitingQueue;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.expectations.ControllerExpectations;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.ownership.ControllerRefManager;
import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.controllers.pods.PodControl;
import io.minik8s.controllers.pods.RealPodControl;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.labels.LabelSelectors;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.OwnerReference;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps {@code spec.replicas} pods of each ReplicaSet running (upstream's
 * {@code ReplicaSetController}, pkg/controller/replicaset/replica_set.go).
 *
 * <p>Event handlers only find the ReplicaSet an event concerns and enqueue its key; all the
 * deciding happens in {@link #sync}, which is level-triggered: it looks at what the caches hold
 * now, not at what event woke it, so a missed or repeated event costs nothing.
 *
 * <p>Caches lag behind the controller's own writes. Between creating 3 pods and seeing them in
 * the pod cache, a second sync would count too few pods and create 3 more. {@link
 * ControllerExpectations} closes that gap: {@code sync} records what it is about to do, the pod
 * handlers tick expectations off as the cache catches up, and until then {@code sync} only
 * writes status.
 */
public final class ReplicaSetController implements Controller {

  private static final Logger LOG = System.getLogger(ReplicaSetController.class.getName());

  /** Upstream's {@code BurstReplicas}: at most this many pods created or deleted per sync. */
  static final int BURST_REPLICAS = 500;

  /**
   * Pod creations of one slow-start batch in flight at once. Upstream starts a goroutine per
   * creation and lets the client's rate limit (kube-controller-manager's {@code --kube-api-qps})
   * pace them; a thread per call would be too many here, so a pool this size does.
   */
  static final int CONCURRENT_CREATES = 16;

  /** Writes status and claims pods (adopt/release patches). */
  private final KubeClient client;
  /** The ReplicaSet cache: sync reads the ReplicaSet from here, never from the server. */
  private final Lister<ReplicaSet> replicaSets;
  /** The pod cache: the pods that exist as far as this controller knows. */
  private final Lister<Pod> pods;
  /** Creates and deletes pods; tests record the calls instead. */
  private final PodControl podControl;
  /** Creations and deletions each ReplicaSet still waits to see in the pod cache. */
  private final ControllerExpectations expectations;
  /** Decides when a ready pod becomes available ({@code minReadySeconds}). */
  private final Clock clock;
  private final ControllerLoop loop;
  /** Runs the pod creations of a slow-start batch at once. */
  private final Executor podCreates;

  public ReplicaSetController(
      KubeClient client,
      SharedIndexInformer<ReplicaSet> rsInformer,
      SharedIndexInformer<Pod> podInformer,
      PodControl podControl,
      Clock clock) {
    this(client, rsInformer, podInformer, podControl, clock,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        Executors.newFixedThreadPool(CONCURRENT_CREATES, r -> {
          Thread t = new Thread(r, "replicaset-create");
          t.setDaemon(true);
          return t;
        }));
  }

  /**
   * With a given queue and executor: tests pass a queue that records what is enqueued, and run
   * creations on the calling thread so that they happen in a repeatable order.
   */
  ReplicaSetController(
      KubeClient client,
      SharedIndexInformer<ReplicaSet> rsInformer,
      SharedIndexInformer<Pod> podInformer,
      PodControl podControl,
      Clock clock,
      RateLimitingQueue<String> queue,
      Executor podCreates) {
    this.client = client;
    this.podCreates = podCreates;
    this.replicaSets = rsInformer.lister();
    this.pods = podInformer.lister();
    this.podControl = podControl;
    this.clock = clock;
    this.expectations = new ControllerExpectations(clock);
    this.loop = new ControllerLoop("replicaset", queue, this::sync, 15,
        List.of(rsInformer, podInformer));

    rsInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(ReplicaSet rs) {
        loop.enqueue(rs);
      }

      @Override public void onUpdate(ReplicaSet old, ReplicaSet cur) {
        if (!Objects.equals(old.metadata().uid(), cur.metadata().uid())) {
          onDelete(old); // deleted and recreated under the same name: forget the old one
        }
        loop.enqueue(cur);
      }

      @Override public void onDelete(ReplicaSet rs) {
        expectations.delete(Keys.of(rs)); // a new ReplicaSet of that name starts clean
        loop.enqueue(rs);
      }
    });
    podInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Pod pod) {
        addPod(pod);
      }

      @Override public void onUpdate(Pod old, Pod cur) {
        updatePod(old, cur);
      }

      @Override public void onDelete(Pod pod) {
        deletePod(pod);
      }
    });
  }

  /** The controller as the manager builds it: shared informers, pods through the API server. */
  public static ReplicaSetController create(ControllerContext ctx) {
    return new ReplicaSetController(
        ctx.client(),
        ctx.informers().informerFor(ReplicaSet.class),
        ctx.informers().informerFor(Pod.class),
        new RealPodControl(ctx.client()),
        ctx.clock());
  }

  @Override
  public String name() {
    return "replicaset";
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  @Override
  public void shutdown() {
    loop.shutdown();
    if (podCreates instanceof ExecutorService pool) {
      pool.shutdown(); // after the loop: a sync still running finishes its batch first
    }
  }

  // ---- event handlers: find the ReplicaSet(s) concerned, tick expectations, enqueue ----

  /** A pod appeared in the cache: one of ours being created, or an orphan someone may adopt. */
  void addPod(Pod pod) {
    // BEGIN EXERCISE 4.1 — map a new pod to the ReplicaSet awaiting it, or to its adopters
    throw new UnsupportedOperationException("TODO exercise 4.1: map a new pod to the ReplicaSet awaiting it, or to its adopters");
    // END EXERCISE 4.1
  }

  /** A pod changed: wake its owner, its former owner, and if orphaned, whoever may adopt it. */
  void updatePod(Pod old, Pod cur) {
    // BEGIN EXERCISE 4.1 — map a changed pod to its old and new ReplicaSets
    throw new UnsupportedOperationException("TODO exercise 4.1: map a changed pod to its old and new ReplicaSets");
    // END EXERCISE 4.1
  }

  /**
   * A pod left the cache: its owner sees a deletion it expected, or must replace the pod.
   *
   * <p>Our expectations count deletions rather than remember pod names (upstream's
   * {@code UIDTrackingControllerExpectations} does), so each pod must be counted once: when the
   * cache first shows it terminating ({@link #addPod}, {@link #updatePod}), or here if the
   * cache never saw it terminating.
   */
  void deletePod(Pod pod) {
    // BEGIN EXERCISE 4.1 — map a deleted pod to its owner, counting its deletion once
    throw new UnsupportedOperationException("TODO exercise 4.1: map a deleted pod to its owner, counting its deletion once");
    // END EXERCISE 4.1
  }

  /** Ticks off one expected deletion of the pod's owner and wakes it; orphans concern no one. */
  private void observeDeletion(Pod pod) {
    pod.metadata().controllerRef()
        .flatMap(ref -> resolveControllerRef(pod.metadata().namespace(), ref))
        .ifPresent(rs -> {
          expectations.deletionObserved(Keys.of(rs));
          loop.enqueue(rs);
        });
  }

  /**
   * The cached ReplicaSet a controller reference names. Looked up by name, then checked by uid:
   * a ReplicaSet deleted and recreated under the same name is another controller.
   */
  private Optional<ReplicaSet> resolveControllerRef(String namespace, OwnerReference ref) {
    if (!ReplicaSet.KIND.equals(ref.kind())) {
      return Optional.empty();
    }
    return replicaSets.get(namespace, ref.name())
        .filter(rs -> Objects.equals(rs.metadata().uid(), ref.uid()));
  }

  /** The cached ReplicaSets whose selector matches the pod (upstream's GetPodReplicaSets). */
  private List<ReplicaSet> replicaSetsSelecting(Pod pod) {
    Map<String, String> labels = pod.metadata().labels();
    List<ReplicaSet> matching = new ArrayList<>();
    for (ReplicaSet rs : replicaSets.list(pod.metadata().namespace(), Selector.everything())) {
      Optional<Selector> selector = selectorOf(rs);
      // an empty selector would select every pod: upstream ignores such ReplicaSets here
      if (selector.isPresent() && !selector.get().isEmpty() && selector.get().matches(labels)) {
        matching.add(rs);
      }
    }
    return matching;
  }

  private static Optional<Selector> selectorOf(ReplicaSet rs) {
    try {
      return Optional.of(LabelSelectors.toSelector(rs.spec().selector()));
    } catch (IllegalArgumentException invalid) {
      return Optional.empty();
    }
  }

  // ---- sync: the level-based heart ----

  /**
   * Brings one ReplicaSet to {@code spec.replicas} active pods and writes its status. Reads only
   * the caches; safe to run twice or after a crash. Throws to be retried with backoff.
   */
  void sync(String key) {
    Optional<ReplicaSet> found = replicaSets.get(Keys.namespace(key), Keys.name(key));
    if (found.isEmpty()) {
      expectations.delete(key); // deleted: nothing to wait for any more
      return;
    }
    ReplicaSet rs = found.get();
    // Read before listing pods: a pod observed between the two is then in the list, never
    // counted as "expected but missing" (upstream reads rsNeedsSync first for the same reason).
    boolean expectationsMet = expectations.satisfied(key);
    Optional<Selector> selector = selectorOf(rs);
    if (selector.isEmpty()) {
      LOG.log(Level.WARNING, "replicaset {0}: invalid selector, not syncing", key);
      return; // retrying cannot fix it; the next update of the ReplicaSet will
    }
    List<Pod> active = pods.list(rs.metadata().namespace(), Selector.everything()).stream()
        .filter(PodConditions::isActive)
        .toList();
    // Every active pod of the namespace, not only matching ones: a pod we own whose labels
    // changed must be seen to be released.
    List<Pod> owned =
        new ControllerRefManager<>(rs, selector.get(), client.resource(Pod.class)).claim(active);

    RuntimeException manageError = null;
    if (expectationsMet && rs.metadata().deletionTimestamp() == null) {
      try {
        manageReplicas(key, rs, owned);
      } catch (RuntimeException e) {
        manageError = e;
      }
    }
    ReplicaSetStatus status = calculateStatus(rs, owned, clock.instant());
    if (!sameCounts(rs.status(), status)) {
      // Writing an unchanged status would wake this controller again (a ReplicaSet update
      // event) and again: write only what changed.
      client.resource(ReplicaSet.class).updateStatus(rs.withStatus(status));
    }
    int minReadySeconds = minReadySeconds(rs);
    if (minReadySeconds > 0 && status.readyReplicas() > status.availableReplicas()) {
      // Nothing will happen to those pods when they become available: no event will wake us.
      loop.enqueueAfter(key, Duration.ofSeconds(minReadySeconds));
    }
    if (manageError != null) {
      throw manageError;
    }
  }

  /**
   * Creates or deletes pods so that {@code owned} (the active pods this ReplicaSet owns) becomes
   * {@code spec.replicas}, at most {@link #BURST_REPLICAS} per call. Records expectations before
   * acting and lowers them for every action that failed or was skipped. Throws the first failure.
   */
  void manageReplicas(String key, ReplicaSet rs, List<Pod> owned) {
    // BEGIN EXERCISE 4.1 — decide how many pods to create or delete, and do it
    throw new UnsupportedOperationException("TODO exercise 4.1: decide how many pods to create or delete, and do it");
    // END EXERCISE 4.1
  }

  /**
   * The status {@code owned} gives the ReplicaSet at {@code now} (upstream's
   * {@code calculateStatus}, replica_set_utils.go): replicas, those carrying all of the
   * template's labels, the ready ones, the available ones (ready for minReadySeconds), and the
   * generation this status describes. Conditions are kept as they are.
   */
  static ReplicaSetStatus calculateStatus(ReplicaSet rs, List<Pod> owned, Instant now) {
    // BEGIN EXERCISE 4.1 — compute the ReplicaSet's status from its pods
    throw new UnsupportedOperationException("TODO exercise 4.1: compute the ReplicaSet's status from its pods");
    // END EXERCISE 4.1
  }

  /**
   * Whether two statuses agree on every count and the observed generation (upstream's check in
   * {@code updateReplicaSetStatus}); a missing count is 0, as it is on the wire.
   */
  static boolean sameCounts(ReplicaSetStatus a, ReplicaSetStatus b) {
    if (a == null || b == null) {
      return a == b;
    }
    return count(a.replicas()) == count(b.replicas())
        && count(a.fullyLabeledReplicas()) == count(b.fullyLabeledReplicas())
        && count(a.readyReplicas()) == count(b.readyReplicas())
        && count(a.availableReplicas()) == count(b.availableReplicas())
        && Objects.equals(a.observedGeneration(), b.observedGeneration());
  }

  private static int count(Integer n) {
    return n == null ? 0 : n;
  }

  /** {@code spec.replicas}, which defaults to 1. */
  static int desiredReplicas(ReplicaSet rs) {
    Integer replicas = rs.spec().replicas();
    return replicas == null ? 1 : replicas;
  }

  static int minReadySeconds(ReplicaSet rs) {
    Integer seconds = rs.spec().minReadySeconds();
    return seconds == null ? 0 : seconds;
  }
}
