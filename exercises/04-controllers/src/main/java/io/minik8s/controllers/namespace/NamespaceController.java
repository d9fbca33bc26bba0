package io.minik8s.controllers.namespace;

import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceSpec;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.scheme.Scheme;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finishes deleting namespaces. Deleting a namespace only marks it ({@code deletionTimestamp},
 * phase {@code Terminating}) because its {@code spec.finalizers} lists {@code kubernetes}; this
 * controller deletes everything inside, and once nothing is left removes that finalizer, upon
 * which the API server removes the namespace.
 *
 * <pre>
 *   kubectl delete ns shop     ns shop: Terminating, finalizers [kubernetes]
 *   sync: delete pods, services, configmaps... in shop; 2 pods still terminating -> retry in 1s
 *   sync: nothing left -> finalize with finalizers []          -> the API server removes shop
 * </pre>
 *
 * <p>Keys are namespace names. Upstream: pkg/controller/namespace/namespace_controller.go and
 * {@code Delete} in pkg/controller/namespace/deletion/namespaced_resources_deleter.go.
 */
public final class NamespaceController implements Controller {

  public static final String NAME = "namespace";

  /** The finalizer this controller owns in {@code spec.finalizers}. */
  public static final String FINALIZER = "kubernetes";

  /**
   * How long to wait before looking again at a namespace whose content is still going (pods in
   * their grace period). Upstream estimates it from the pods' grace periods; a short constant is
   * enough here.
   */
  static final Duration RECHECK = Duration.ofSeconds(1);

  /** Writes the namespace's status. */
  private final KubeClient client;
  /** The cache of namespaces. */
  private final Indexer<Namespace> namespaces;
  /** Deletes the content of a namespace. */
  private final NamespacedResourcesDeleter deleter;
  /** Removes the {@code kubernetes} finalizer. */
  private final NamespaceFinalizer finalizer;
  private final ControllerLoop loop;

  public NamespaceController(
      KubeClient client,
      SharedIndexInformer<Namespace> namespaceInformer,
      NamespaceFinalizer finalizer,
      Clock clock) {
    this.client = client;
    this.namespaces = namespaceInformer.indexer();
    this.deleter = new NamespacedResourcesDeleter(client, Scheme.builtIn());
    this.finalizer = finalizer;
    this.loop = new ControllerLoop(NAME,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, List.of(namespaceInformer));
    namespaceInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Namespace namespace) {
        enqueueIfDeleting(namespace);
      }

      @Override
      public void onUpdate(Namespace oldNamespace, Namespace newNamespace) {
        enqueueIfDeleting(newNamespace);
      }
    });
  }

  /** Finalizes through a plain update ({@link NamespaceFinalizer#byUpdate}). */
  public NamespaceController(
      KubeClient client, SharedIndexInformer<Namespace> namespaceInformer, Clock clock) {
    this(client, namespaceInformer, NamespaceFinalizer.byUpdate(client), clock);
  }

  public static NamespaceController create(ControllerContext ctx) {
    return new NamespaceController(ctx.client(), ctx.informers().informerFor(Namespace.class),
        ctx.clock());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  private void enqueueIfDeleting(Namespace namespace) {
    if (namespace.metadata().deletionTimestamp() != null) {
      loop.enqueue(namespace.metadata().name());
    }
  }

  /**
   * For a namespace being deleted that still carries {@code kubernetes}: deletes its content,
   * and finalizes it once nothing is left; with content remaining, looks again after
   * {@link #RECHECK}.
   */
  void sync(String key) {
    Optional<Namespace> cached = namespaces.getByKey(key);
    if (cached.isEmpty() || cached.get().metadata().deletionTimestamp() == null
        || !finalizers(cached.get()).contains(FINALIZER)) {
      return; // gone, alive, or already finalized
    }
    Namespace namespace = ensureTerminating(cached.get());
    Map<String, Integer> remaining = deleter.deleteAll(key);
    finalizeWhenEmpty(namespace, remaining);
  }

  /**
   * Removes the {@code kubernetes} finalizer if {@code remaining} is empty; otherwise asks to be
   * synced again after {@link #RECHECK}.
   */
  void finalizeWhenEmpty(Namespace namespace, Map<String, Integer> remaining) {
    // BEGIN EXERCISE 4.5 — remove the kubernetes finalizer when empty
    throw new UnsupportedOperationException("TODO exercise 4.5: remove the kubernetes finalizer when empty");
    // END EXERCISE 4.5
  }

  /** The namespace with phase Terminating, written through {@code status} if it was not. */
  private Namespace ensureTerminating(Namespace namespace) {
    if (namespace.status() != null
        && NamespaceStatus.TERMINATING.equals(namespace.status().phase())) {
      return namespace;
    }
    return client.resource(Namespace.class).updateStatus(
        namespace.withStatus(new NamespaceStatus(NamespaceStatus.TERMINATING)));
  }

  private static List<String> finalizers(Namespace namespace) {
    return namespace.spec() == null ? List.of() : namespace.spec().finalizers();
  }
}
