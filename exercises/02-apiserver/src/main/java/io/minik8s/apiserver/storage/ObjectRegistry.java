package io.minik8s.apiserver.storage;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;

/**
 * The objects of one resource (all pods, all deployments), kept in the store: the API server's
 * only way to read and write state. Every method is safe to call from many threads, and from
 * several API servers sharing one store, because every write is a compare-and-swap on the
 * store's revision.
 *
 * <p>Where objects live: {@code /registry/<resource>/<namespace>/<name>}, or {@code
 * /registry/<resource>/<name>} for cluster-scoped resources, as JSON. An object's {@code
 * metadata.resourceVersion} is its key's {@code mod_revision} in the store; it is never stored
 * in the value itself.
 *
 * <p>Errors are {@link io.minik8s.apiserver.errors.ApiException}s with Kubernetes' Status:
 * NotFound, AlreadyExists, Conflict, Invalid, Gone (Expired).
 *
 * <p>Upstream: the generic registry {@code registry.Store}
 * (k8s.io/apiserver/pkg/registry/generic/registry/store.go) over {@code storage.Interface}
 * (k8s.io/apiserver/pkg/storage/etcd3/store.go).
 */
public interface ObjectRegistry {

  /** The resource this registry holds. */
  ResourceType type();

  /**
   * Stores a new object and returns it as stored. Sets {@code uid}, {@code
   * creationTimestamp}, {@code generation} 1 and {@code resourceVersion}; clears what a client
   * may not set on create ({@code deletionTimestamp}, {@code deletionGracePeriodSeconds}); a
   * missing name is made from {@code generateName} plus five random characters.
   *
   * @param object the object to create; its namespace is already set for namespaced
   *     resources; it is not changed
   * @param dryRun validate and compute the result without storing it
   * @throws io.minik8s.apiserver.errors.ApiException 409 AlreadyExists if the name is taken;
   *     422 Invalid if there is neither name nor generateName
   */
  Unstructured create(Unstructured object, boolean dryRun);

  /**
   * The object as stored now.
   *
   * @param namespace {@code ""} for cluster-scoped resources
   * @throws io.minik8s.apiserver.errors.ApiException 404 NotFound
   */
  Unstructured get(String namespace, String name);

  /**
   * The objects of one namespace ({@code ""}: every namespace, or a cluster-scoped resource)
   * that match the options' predicate, in key order, a page at a time when the options carry a
   * limit.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 410 Expired for a continue token whose
   *     revision has been compacted; 400 BadRequest for a malformed token
   */
  ObjectList list(String namespace, ListOptions options);

  /**
   * Read-modify-write with optimistic concurrency (upstream's {@code GuaranteedUpdate}): reads
   * the object, calls {@code update} with a copy, and stores the result only if nobody wrote
   * the object in between, else reads again and retries.
   *
   * <p>If the returned object carries a {@code resourceVersion} different from the stored one,
   * the update fails with 409 Conflict instead of retrying: that is how a PUT of a stale object
   * is refused. Without a resourceVersion, the update is unconditional.
   *
   * <p>What a client may not change is kept from the stored object: uid, creationTimestamp,
   * name, namespace, deletionTimestamp. {@code generation} is bumped when anything besides
   * metadata and status changed. If the object is being deleted ({@code deletionTimestamp} set)
   * and the update removes its last finalizer, the object is deleted.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 404 NotFound, 409 Conflict, or what
   *     {@code update} throws
   */
  Unstructured update(String namespace, String name, UpdateFunction update, boolean dryRun);

  /**
   * Deletes an object, or starts its graceful deletion: an object with finalizers, or a pod
   * bound to a node with a grace period above zero, gets {@code deletionTimestamp} (and {@code
   * deletionGracePeriodSeconds}) and stays until its finalizers are gone or it is deleted with
   * grace period 0.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 404 NotFound; 409 Conflict when a
   *     precondition (uid, resourceVersion) does not hold
   */
  DeleteResult delete(String namespace, String name, DeleteOptions options);

  /**
   * Streams changes to the objects of one namespace ({@code ""}: all) that match the options'
   * predicate, starting after the options' resourceVersion. The sink is called from a server
   * thread, one event at a time, in revision order; it must not block for long. A watcher too
   * slow to keep up is ended (the sink sees its last event, then nothing) and must watch again.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 410 Expired if the resourceVersion has
   *     been compacted (before any event is sent)
   */
  ObjectWatch watch(String namespace, WatchOptions options, WatchSink sink);
}
