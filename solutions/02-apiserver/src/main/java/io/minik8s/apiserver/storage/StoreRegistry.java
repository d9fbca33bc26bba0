package io.minik8s.apiserver.storage;

import io.minik8s.objects.meta.Timestamps;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.watch.WatchCache;
import io.minik8s.objects.meta.ListMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusDetails;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The {@link ObjectRegistry} of one resource on a {@link KeyValueStore}. Every write is a
 * transaction that compares a revision first, so two API servers sharing the store can never
 * overwrite each other's changes unseen:
 *
 * <pre>
 * create   if create_revision(key) == 0      then put          else 409 AlreadyExists
 * update   if mod_revision(key) == read rev  then put          else read again, retry
 * delete   if mod_revision(key) == read rev  then delete       else read again, retry
 * </pre>
 *
 * Watches are served by the resource's {@link WatchCache}, never by a store watch per client.
 *
 * <p>Upstream: k8s.io/apiserver/pkg/registry/generic/registry/store.go (the rules) over
 * k8s.io/apiserver/pkg/storage/etcd3/store.go (the transactions).
 */
final class StoreRegistry implements ObjectRegistry {

  /** Upstream's REST create handler retries a generated name that collides, up to 8 times. */
  static final int GENERATE_NAME_ATTEMPTS = 8;

  /**
   * With a predicate that skips most objects, each further read asks for twice as many keys,
   * up to this many (upstream's maxLimit in etcd3/store.go).
   */
  static final long MAX_READ_LIMIT = 10_000;

  /** The message of a 410 for a continue token whose revision was compacted (etcd3/errors.go). */
  static final String INCONSISTENT_CONTINUE = "The provided continue parameter is too old "
      + "to display a consistent list result. You can start a new list without "
      + "the continue parameter, or use the continue token in this response to "
      + "retrieve the remainder of the results. Continuing with the provided "
      + "token results in an inconsistent list - objects that were created, "
      + "modified, or deleted between the time the first chunk was returned "
      + "and now may show up in the list.";

  /** The message of a 410 for a list at a compacted resourceVersion (etcd3/errors.go). */
  static final String LIST_EXPIRED = "The resourceVersion for the provided list is too old.";

  private final ResourceType type;
  private final KeyValueStore store;
  private final KeyLayout keys;
  private final Clock clock;
  private final RandomIds ids;
  private final WatchCache cache;

  StoreRegistry(ResourceType type, KeyValueStore store, Clock clock, RandomIds ids,
      WatchCache cache) {
    this.type = type;
    this.store = store;
    this.keys = new KeyLayout(type);
    this.clock = clock;
    this.ids = ids;
    this.cache = cache;
  }

  @Override
  public ResourceType type() {
    return type;
  }

  WatchCache cache() {
    return cache;
  }

  // ---- create -------------------------------------------------------------------------------

  @Override
  public Unstructured create(Unstructured object, boolean dryRun) {
    boolean generated = object.name().isEmpty();
    if (generated && object.generateName().isEmpty()) {
      throw StatusErrors.invalid(type, "", List.of(FieldError.required(
          FieldPath.of("metadata", "name"), "name or generateName is required")));
    }
    for (int attempt = 1; ; attempt++) {
      Unstructured candidate = object.deepCopy();
      if (generated) {
        candidate.setName(ids.generateName(object.generateName()));
      }
      try {
        return createOnce(candidate, dryRun);
      } catch (ApiException e) {
        if (!generated || !e.reason().equals("AlreadyExists") || attempt == GENERATE_NAME_ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /** Stores {@code object} (named, a copy this method may change) if its key is free. */
  private Unstructured createOnce(Unstructured object, boolean dryRun) {
    // BEGIN EXERCISE 2.1 — create: stamp the system fields and store the object if its key is free
    object.setUid(ids.uid());
    object.setCreationTimestamp(Timestamps.format(clock.instant()));
    object.setGeneration(1);
    object.setDeletionTimestamp("");
    object.metadata().remove("deletionGracePeriodSeconds");
    object.setResourceVersion("");
    Bytes key = keys.key(object.namespace(), object.name());
    if (dryRun) {
      if (!store.range(RangeRequest.key(key)).kvs().isEmpty()) {
        throw StatusErrors.alreadyExists(type, object.name());
      }
      return object;
    }
    TxnResponse txn = store.txn(new TxnRequest(
        List.of(Compare.createRevision(key, Compare.Result.EQUAL, 0)),
        List.of(new RequestOp.Put(PutRequest.of(key, ObjectCodec.encode(object)))),
        List.of()));
    if (!txn.succeeded()) {
      throw StatusErrors.alreadyExists(type, object.name());
    }
    object.setResourceVersion(Long.toString(txn.header().revision()));
    return object;
    // END EXERCISE 2.1
  }

  // ---- get and list -------------------------------------------------------------------------

  @Override
  public Unstructured get(String namespace, String name) {
    KeyValue kv = read(keys.key(namespace, name));
    if (kv == null) {
      throw StatusErrors.notFound(type, name);
    }
    return ObjectCodec.decode(kv);
  }

  @Override
  public ObjectList list(String namespace, ListOptions options) {
    String prefix = keys.prefix(namespace);
    long revision = 0;
    String start = prefix;
    boolean continuing = !options.continueToken().isEmpty();
    if (continuing) {
      ContinueToken token = ContinueToken.decode(options.continueToken(), prefix);
      if (!options.resourceVersion().isEmpty() && !options.resourceVersion().equals("0")) {
        throw StatusErrors.badRequest("specifying resource version is not allowed when using continue");
      }
      revision = Math.max(token.resourceVersion(), 0); // -1: continue at the latest revision
      start = token.startKey();
    } else if (options.limit() > 0 && !options.resourceVersion().isEmpty()) {
      // Upstream's legacy rule: a paged list with a resourceVersion reads exactly at it.
      revision = parseResourceVersion(options.resourceVersion());
    }
    return readPage(prefix, start, revision, options, continuing);
  }

  /**
   * One page: keys from {@code start} under {@code prefix} at {@code revision} (0: the latest),
   * as many as {@code options.limit()} matching objects, reading further while the predicate
   * rejects some. Upstream: GetList in k8s.io/apiserver/pkg/storage/etcd3/store.go.
   */
  private ObjectList readPage(String prefix, String start, long revision, ListOptions options,
      boolean continuing) {
    // BEGIN EXERCISE 2.1 — read one page, past objects the predicate rejects, and its continue token
    long limit = options.limit();
    boolean paging = limit > 0;
    Bytes end = Bytes.of(prefix).prefixEnd();
    List<Unstructured> items = new ArrayList<>();
    String lastKey = null;
    boolean hasMore = false;
    long count = 0;
    long readLimit = limit;
    while (true) {
      RangeResponse page = rangeForList(RangeRequest.range(Bytes.of(start), end)
          .withLimit(readLimit).atRevision(revision), prefix, start, continuing);
      if (revision == 0) {
        revision = page.header().revision(); // later reads and later pages see this revision
      }
      count = page.count();
      boolean chunkHasMore = page.kvs().size() < page.count();
      boolean limitReached = false;
      for (KeyValue kv : page.kvs()) {
        if (paging && items.size() >= limit) {
          limitReached = true;
          break;
        }
        lastKey = kv.key().utf8();
        Unstructured object = ObjectCodec.decode(kv);
        if (options.predicate().matches(object)) {
          items.add(object);
        }
      }
      hasMore = chunkHasMore || limitReached;
      if (limitReached || !chunkHasMore || (paging && items.size() >= limit)) {
        break;
      }
      start = lastKey + "\0";
      readLimit = Math.min(readLimit * 2, MAX_READ_LIMIT);
    }
    String next = "";
    Long remaining = null;
    if (hasMore) {
      next = ContinueToken.encode(lastKey, prefix, revision);
      // Only without a predicate does the store's count say how many objects follow.
      if (options.predicate() == SelectionPredicate.everything()) {
        remaining = count - limit;
      }
    }
    return new ObjectList(items, Long.toString(revision), next, remaining);
    // END EXERCISE 2.1
  }

  /** A range for a list; a compacted revision becomes 410 Expired as upstream words it. */
  private RangeResponse rangeForList(RangeRequest request, String prefix, String start,
      boolean continuing) {
    try {
      return store.range(request);
    } catch (StoreException e) {
      if (e.error() != StoreError.COMPACTED) {
        throw e;
      }
      if (!continuing) {
        throw StatusErrors.resourceExpired(LIST_EXPIRED);
      }
      // The answer carries a token to go on at the latest revision (rv -1), inconsistently.
      String retry = ContinueToken.encode(start.substring(0, start.length() - 1), prefix, -1);
      Status expired = StatusErrors.resourceExpired(INCONSISTENT_CONTINUE).status();
      throw new ApiException(new Status(expired.apiVersion(), expired.kind(),
          new ListMeta(null, retry), expired.status(), expired.message(),
          expired.reason(), expired.details(), expired.code(), Map.of()));
    }
  }

  // ---- update -------------------------------------------------------------------------------

  @Override
  public Unstructured update(String namespace, String name, UpdateFunction update, boolean dryRun) {
    Bytes key = keys.key(namespace, name);
    // BEGIN EXERCISE 2.1 — read-modify-write with a compare on mod_revision, retried on a race
    while (true) {
      KeyValue kv = read(key);
      if (kv == null) {
        throw StatusErrors.notFound(type, name);
      }
      Unstructured current = ObjectCodec.decode(kv);
      Unstructured updated = update.apply(current.deepCopy());
      String wanted = updated.resourceVersion();
      if (!wanted.isEmpty() && !wanted.equals(current.resourceVersion())) {
        throw StatusErrors.conflict(type, name, StatusErrors.OBJECT_MODIFIED);
      }
      keepSystemFields(current, updated);
      if (ObjectCodec.encode(updated).equals(kv.value())) {
        return current; // nothing changed: no write, no new resourceVersion (as upstream)
      }
      if (shouldDeleteDuringUpdate(current, updated)) {
        if (dryRun) {
          return current;
        }
        long deleted = deleteAt(key, kv.modRevision());
        if (deleted > 0) {
          current.setResourceVersion(Long.toString(deleted)); // as deleted, like a DELETED event
          return current;
        }
        continue;
      }
      if (dryRun) {
        return updated;
      }
      TxnResponse txn = store.txn(new TxnRequest(
          List.of(Compare.modRevision(key, Compare.Result.EQUAL, kv.modRevision())),
          List.of(new RequestOp.Put(PutRequest.of(key, ObjectCodec.encode(updated)))),
          List.of()));
      if (txn.succeeded()) {
        updated.setResourceVersion(Long.toString(txn.header().revision()));
        return updated;
      }
    }
    // END EXERCISE 2.1
  }

  /**
   * What no update may change, copied from the stored object; {@code generation} counts
   * changes of the desired state (anything but metadata and status). Upstream: {@code
   * rest.BeforeUpdate} (k8s.io/apiserver/pkg/registry/rest/update.go).
   */
  static void keepSystemFields(Unstructured stored, Unstructured updated) {
    updated.setUid(stored.uid());
    updated.setName(stored.name());
    updated.setNamespace(stored.namespace());
    updated.setCreationTimestamp(stored.creationTimestamp());
    updated.setDeletionTimestamp(stored.deletionTimestamp());
    Long grace = GracefulDeletion.deletionGracePeriod(stored);
    if (grace == null) {
      updated.metadata().remove("deletionGracePeriodSeconds");
    } else {
      updated.metadata().put("deletionGracePeriodSeconds", grace);
    }
    updated.setResourceVersion("");
    updated.setGeneration(stored.generation());
    if (!desiredState(stored).equals(desiredState(updated))) {
      updated.setGeneration(stored.generation() + 1);
    }
  }

  /** The object without metadata and status: what generation counts changes of. */
  private static ObjectNode desiredState(Unstructured object) {
    ObjectNode copy = object.json().deepCopy();
    copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
    return copy;
  }

  /**
   * An update that removes the last finalizer of an object being deleted (with no grace period
   * left) completes the delete. Upstream: {@code shouldDeleteDuringUpdate} in
   * registry/generic/registry/store.go. A namespace also waits for its {@code spec.finalizers}
   * ({@code ShouldDeleteNamespaceDuringUpdate} in pkg/registry/core/namespace/storage).
   */
  static boolean shouldDeleteDuringUpdate(Unstructured stored, Unstructured updated) {
    if (!updated.finalizers().isEmpty() || stored.deletionTimestamp().isEmpty()) {
      return false;
    }
    boolean namespace = updated.apiVersion().equals("v1") && updated.kind().equals("Namespace");
    if (namespace && !updated.at("spec.finalizers").isEmpty()) {
      return false;
    }
    Long grace = GracefulDeletion.deletionGracePeriod(stored);
    return grace == null || grace == 0;
  }

  // ---- delete -------------------------------------------------------------------------------

  @Override
  public DeleteResult delete(String namespace, String name, DeleteOptions options) {
    Bytes key = keys.key(namespace, name);
    while (true) {
      KeyValue kv = read(key);
      if (kv == null) {
        throw StatusErrors.notFound(type, name);
      }
      Unstructured current = ObjectCodec.decode(kv);
      checkPreconditions(current, options);
      GracefulDeletion.Plan plan;
      if (NamespaceDeletion.applies(type, current)) {
        plan = NamespaceDeletion.plan(current.deepCopy(), clock.instant());
      } else {
        Unstructured deleting = current.deepCopy();
        GarbageCollectionFinalizers.apply(deleting, options.propagationPolicy());
        plan = GracefulDeletion.plan(type, deleting, options, clock.instant());
      }
      switch (plan.action()) {
        case UNCHANGED:
          return new DeleteResult(current, false);
        case MARK: {
          if (options.dryRun()) {
            return new DeleteResult(plan.object(), false);
          }
          Unstructured marked = plan.object();
          TxnResponse txn = store.txn(new TxnRequest(
              List.of(Compare.modRevision(key, Compare.Result.EQUAL, kv.modRevision())),
              List.of(new RequestOp.Put(PutRequest.of(key, ObjectCodec.encode(marked)))),
              List.of()));
          if (txn.succeeded()) {
            marked.setResourceVersion(Long.toString(txn.header().revision()));
            return new DeleteResult(marked, false);
          }
          break;
        }
        case DELETE: {
          if (options.dryRun()) {
            return new DeleteResult(current, true);
          }
          long deleted = deleteAt(key, kv.modRevision());
          if (deleted > 0) {
            current.setResourceVersion(Long.toString(deleted));
            return new DeleteResult(current, true);
          }
          break;
        }
        default:
          throw new IllegalStateException(plan.action().toString());
      }
    }
  }

  /**
   * A delete's preconditions, with upstream's words ({@code BeforeDelete} in
   * k8s.io/apiserver/pkg/registry/rest/delete.go names the kind, not the resource).
   */
  private void checkPreconditions(Unstructured current, DeleteOptions options) {
    String uid = options.preconditionUid();
    if (!uid.isEmpty() && !uid.equals(current.uid())) {
      throw preconditionFailed(current.name(), "the UID in the precondition (" + uid
          + ") does not match the UID in record (" + current.uid()
          + "). The object might have been deleted and then recreated");
    }
    String rv = options.preconditionResourceVersion();
    if (!rv.isEmpty() && !rv.equals(current.resourceVersion())) {
      throw preconditionFailed(current.name(), "the ResourceVersion in the precondition (" + rv
          + ") does not match the ResourceVersion in record (" + current.resourceVersion()
          + "). The object might have been modified");
    }
  }

  private ApiException preconditionFailed(String name, String why) {
    String kind = type.kind().groupKind();
    return new ApiException(Status.failure(409, "Conflict",
        "Operation cannot be fulfilled on " + kind + " \"" + name + "\": " + why,
        new StatusDetails(name, type.kind().group(), type.kind().kind(), List.of())));
  }

  // ---- watch --------------------------------------------------------------------------------

  @Override
  public ObjectWatch watch(String namespace, WatchOptions options, WatchSink sink) {
    return cache.watch(namespace, options, sink);
  }

  // ---- store access -------------------------------------------------------------------------

  /**
   * Deletes {@code key} if it is still at {@code modRevision}; returns the delete's revision, or
   * 0 if someone wrote the key first.
   */
  private long deleteAt(Bytes key, long modRevision) {
    TxnResponse txn = store.txn(new TxnRequest(
        List.of(Compare.modRevision(key, Compare.Result.EQUAL, modRevision)),
        List.of(new RequestOp.DeleteRange(DeleteRangeRequest.key(key))),
        List.of()));
    return txn.succeeded() ? txn.header().revision() : 0;
  }

  private KeyValue read(Bytes key) {
    Iterator<KeyValue> kvs = store.range(RangeRequest.key(key)).kvs().iterator();
    return kvs.hasNext() ? kvs.next() : null;
  }

  private static long parseResourceVersion(String resourceVersion) {
    try {
      long revision = Long.parseLong(resourceVersion);
      if (revision < 0) {
        throw new NumberFormatException();
      }
      return revision;
    } catch (NumberFormatException e) {
      throw StatusErrors.badRequest("invalid resource version: " + resourceVersion);
    }
  }
}
