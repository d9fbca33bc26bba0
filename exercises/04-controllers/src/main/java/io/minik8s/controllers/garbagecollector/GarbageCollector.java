package io.minik8s.controllers.garbagecollector;

import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Secret;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.objects.scheme.GroupVersionKind;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Deletes objects whose owners are gone, and carries out the two deletions that wait for the
 * collector: Foreground (an owner with the {@code foregroundDeletion} finalizer stays until its
 * dependents are deleted) and Orphan (an owner with the {@code orphan} finalizer stays until its
 * dependents no longer name it).
 *
 * <pre>
 *   Deployment web (uid d)  <-  ReplicaSet web-7f (owner d)  <-  Pod web-7f-x (owner rs)
 *   delete web, Background:  web gone; the graph says web-7f's owner went -> GET web: NotFound
 *                            -> delete web-7f -> its pods' owner went -> delete the pods
 *   delete web, Foreground:  web stays (finalizer); delete web-7f first; when no blocking
 *                            dependent is left, remove the finalizer and web goes
 *   delete web, Orphan:      web stays (finalizer); remove web from web-7f's ownerReferences;
 *                            remove the finalizer; web-7f lives on
 * </pre>
 *
 * <p>Keys are uids. The {@link DependencyGraph} says which objects to look at; before deleting
 * anything the collector asks the API server, not the cache, whether each owner is really gone
 * (NotFound, or an object of that name with another uid): a cache that is behind must never
 * cause a deletion.
 *
 * <p>The minik8s API server (module 02) accepts {@code propagationPolicy} but does not add the
 * {@code foregroundDeletion} or {@code orphan} finalizer itself (upstream's
 * {@code deletionFinalizersForGarbageCollection} does): an owner gets Foreground or Orphan
 * treatment here when it carries the finalizer, however it got there.
 *
 * <p>Upstream: pkg/controller/garbagecollector/garbagecollector.go ({@code attemptToDeleteItem},
 * {@code classifyReferences}, {@code isDangling}, {@code processDeletingDependentsItem},
 * {@code orphanDependents}) and graph_builder.go.
 */
public final class GarbageCollector implements Controller {

  public static final String NAME = "garbagecollector";

  /**
   * The kinds the collector watches: those that carry ownerReferences in minik8s (and the owners
   * among them). Upstream discovers every deletable kind instead.
   */
  public static final List<Class<? extends KubeObject>> KINDS = List.of(
      Pod.class, ReplicaSet.class, Deployment.class, Job.class, Endpoints.class,
      ConfigMap.class, Secret.class, ServiceAccount.class, Service.class);

  /** Reads owners live, deletes dependents, removes finalizers and ownerReferences. */
  private final KubeClient client;
  /** Owner kinds by apiVersion and kind, to GET an owner named in an ownerReference. */
  private final Scheme scheme = Scheme.builtIn();
  /** Who owns whom, from the informers. */
  private final DependencyGraph graph = new DependencyGraph();
  private final ControllerLoop loop;

  public GarbageCollector(
      KubeClient client, List<SharedIndexInformer<? extends KubeObject>> informers, Clock clock) {
    this.client = client;
    this.loop = new ControllerLoop(NAME,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, new ArrayList<>(informers));
    informers.forEach(this::feedGraph);
  }

  public static GarbageCollector create(ControllerContext ctx) {
    List<SharedIndexInformer<? extends KubeObject>> informers = new ArrayList<>();
    for (Class<? extends KubeObject> kind : KINDS) {
      informers.add(ctx.informers().informerFor(kind));
    }
    return new GarbageCollector(ctx.client(), informers, ctx.clock());
  }

  private <T extends KubeObject> void feedGraph(SharedIndexInformer<T> informer) {
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(T object) {
        graph.observe(object).forEach(loop::enqueue);
      }

      @Override
      public void onUpdate(T oldObject, T newObject) {
        graph.observe(newObject).forEach(loop::enqueue);
      }

      @Override
      public void onDelete(T object) {
        graph.forget(object).forEach(loop::enqueue);
      }
    });
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  /** The graph, for tests that fill it by hand. */
  DependencyGraph graph() {
    return graph;
  }

  /**
   * Looks at the object with this uid: an owner being deleted with one of the collector's
   * finalizers gets its dependents deleted or released; any other object with owners is deleted
   * when all of them are gone.
   */
  void sync(String uid) {
    Optional<DependencyGraph.Entry> entry = graph.get(uid);
    if (entry.isEmpty() || entry.get().isVirtual()) {
      return; // never observed, or deleted since: its dependents are looked at on their own
    }
    ObjectIdentity identity = entry.get().identity();
    Optional<KubeObject> latest = getLive(identity);
    if (latest.isEmpty()) {
      return; // gone; its delete event brings its dependents here
    }
    ObjectMeta meta = latest.get().metadata();
    if (meta.deletionTimestamp() != null) {
      if (meta.finalizers().contains(DependencyGraph.ORPHAN)) {
        releaseDependents(identity);
      } else if (meta.finalizers().contains(DependencyGraph.FOREGROUND)) {
        deleteDependentsFirst(identity);
      }
      return;
    }
    if (!meta.ownerReferences().isEmpty()) {
      deleteIfOwnersGone(identity, meta);
    }
  }

  /**
   * Deletes the object (in the background, or in the foreground when an owner is waiting for it
   * and it has dependents of its own) if no owner remains; with some owner remaining, only drops
   * the references to owners that are gone.
   */
  void deleteIfOwnersGone(ObjectIdentity identity, ObjectMeta meta) {
    // BEGIN EXERCISE 4.5 — is this object's every owner gone
    throw new UnsupportedOperationException("TODO exercise 4.5: is this object's every owner gone");
    // END EXERCISE 4.5
  }

  /**
   * Foreground deletion of an owner: while dependents that block it ({@code blockOwnerDeletion})
   * remain, deletes its dependents, the blocking ones first; once none remains, removes the
   * {@code foregroundDeletion} finalizer so the owner goes.
   */
  void deleteDependentsFirst(ObjectIdentity owner) {
    // BEGIN EXERCISE 4.5 — foreground: delete dependents then the finalizer
    throw new UnsupportedOperationException("TODO exercise 4.5: foreground: delete dependents then the finalizer");
    // END EXERCISE 4.5
  }

  /**
   * Orphan deletion of an owner: removes the owner from every dependent's ownerReferences, then
   * removes the {@code orphan} finalizer so the owner goes and the dependents stay.
   */
  void releaseDependents(ObjectIdentity owner) {
    // BEGIN EXERCISE 4.5 — orphan: release dependents
    throw new UnsupportedOperationException("TODO exercise 4.5: orphan: release dependents");
    // END EXERCISE 4.5
  }

  /** Whether the dependent's reference to {@code ownerUid} has {@code blockOwnerDeletion}. */
  private static boolean blocks(DependencyGraph.Entry dependent, String ownerUid) {
    return dependent.owners().stream().anyMatch(
        r -> ownerUid.equals(r.uid()) && Boolean.TRUE.equals(r.blockOwnerDeletion()));
  }

  /**
   * The owner a reference names, read from the API server; empty when it is gone: NotFound, or
   * an object of that name with another uid (the owner was deleted and a namesake created).
   * Upstream: {@code isDangling}.
   */
  Optional<KubeObject> liveOwner(String dependentNamespace, OwnerReference reference) {
    ResourceType type = typeOf(reference.apiVersion(), reference.kind());
    // An owner is in its dependent's namespace, or cluster-scoped.
    String namespace = type.namespaced() ? dependentNamespace : null;
    try {
      KubeObject owner = client.resource(type.javaType()).get(namespace, reference.name());
      return reference.uid().equals(owner.metadata().uid()) ? Optional.of(owner) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** The object as stored now; empty if it is gone or was replaced by a namesake. */
  private Optional<KubeObject> getLive(ObjectIdentity identity) {
    ResourceType type = typeOf(identity.apiVersion(), identity.kind());
    try {
      KubeObject object = client.resource(type.javaType())
          .get(identity.namespace(), identity.name());
      return identity.uid().equals(object.metadata().uid())
          ? Optional.of(object) : Optional.empty();
    } catch (NotFoundException e) {
      return Optional.empty();
    }
  }

  /** Deletes exactly this object (a uid precondition), tolerating that it is gone already. */
  private void delete(ObjectIdentity identity, String policy) {
    ResourceType type = typeOf(identity.apiVersion(), identity.kind());
    try {
      client.resource(type.javaType()).delete(identity.namespace(), identity.name(),
          new DeleteOptions(policy, null, identity.uid(), null));
    } catch (NotFoundException alreadyGone) {
      // fine: that is what we wanted
    }
  }

  /**
   * Reads the object, changes its metadata, and writes it back if that changed anything. A
   * conflict is thrown: the loop retries the whole sync with fresh data.
   */
  private void updateLatest(ObjectIdentity identity, UnaryOperator<ObjectMeta> change) {
    Optional<KubeObject> latest = getLive(identity);
    if (latest.isEmpty()) {
      return;
    }
    ObjectMeta changed = change.apply(latest.get().metadata());
    if (!changed.equals(latest.get().metadata())) {
      write(typeOf(identity.apiVersion(), identity.kind()).javaType(),
          latest.get().withMetadata(changed));
    }
  }

  private <T extends KubeObject> void write(Class<T> type, KubeObject object) {
    try {
      client.resource(type).update(type.cast(object));
    } catch (NotFoundException alreadyGone) {
      // deleted meanwhile: nothing left to change
    }
  }

  private ResourceType typeOf(String apiVersion, String kind) {
    return scheme.forKind(GroupVersionKind.of(apiVersion, kind)).orElseThrow(() ->
        new IllegalStateException("the garbage collector does not know the kind " + kind + " ("
            + apiVersion + "); it leaves such objects alone"));
  }
}
