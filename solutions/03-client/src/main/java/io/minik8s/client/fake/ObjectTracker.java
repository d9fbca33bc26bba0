package io.minik8s.client.fake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.errors.BadRequestException;
import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.errors.InvalidException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.watch.EventType;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ListMeta;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusDetails;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.objects.scheme.ResourceType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The objects of a {@link FakeKubeClient}: what the API server and its store do, in memory, for
 * every kind at once (upstream: {@code k8s.io/client-go/testing/fixture.go}'s ObjectTracker).
 *
 * <p>Design: every write takes the next value of ONE counter as the object's resourceVersion and
 * appends a {@link Change} to a history, so a list's resourceVersion is a point in that history
 * and a watch from it replays exactly the changes after it. Objects are immutable records, stored
 * as they are and handed out as they are. Rules kept from the real server:
 *
 * <ul>
 *   <li>update: a set, stale resourceVersion is a conflict; an update that changes nothing keeps
 *       the resourceVersion and sends no event; a change outside metadata and status bumps
 *       {@code metadata.generation}; for a kind with a {@code status} subresource, update keeps the
 *       stored status and updateStatus changes only the status;
 *   <li>delete: an object with finalizers only gets a {@code deletionTimestamp}; it goes away when
 *       an update removes its last finalizer;
 *   <li>create: uid, resourceVersion, generation 1, creationTimestamp (from the clock), a name
 *       from {@code generateName} plus five seeded random characters.
 * </ul>
 *
 * Left out, on purpose: admission, validation, graceful pod deletion, propagation policies
 * (deletes are immediate whatever the policy), namespaces' existence, list paging (a list returns
 * everything).
 *
 * <p>Locking: every public method is synchronized on this tracker; it guards {@link #objects},
 * {@link #history}, {@link #watchers} and {@link #revision}. Watchers' queues are unbounded, so
 * publishing never blocks while the lock is held.
 */
final class ObjectTracker {

  /** Upstream's {@code names.SimpleNameGenerator} alphabet: no vowels, no look-alikes. */
  private static final String NAME_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private static final String OBJECT_MODIFIED =
      "the object has been modified; please apply your changes to the latest version and try again";

  /** One write, for watches that start at an older resourceVersion. */
  private record Change(long revision, ResourceType type, EventType eventType, KubeObject old,
      KubeObject object) {}

  private final Clock clock;
  private final Random random;

  /** Per kind, the live objects by key ({@code namespace/name} or {@code name}), sorted. */
  private final Map<ResourceType, TreeMap<String, KubeObject>> objects = new HashMap<>();

  /** Every write in order; {@code history.get(i).revision} increases. */
  private final List<Change> history = new ArrayList<>();

  private final List<FakeWatchStream<?>> watchers = new ArrayList<>();

  /** The resourceVersion of the latest write; 0 before the first. */
  private long revision;

  ObjectTracker(Clock clock, long seed) {
    this.clock = clock;
    this.random = new Random(seed);
  }

  synchronized long revision() {
    return revision;
  }

  synchronized KubeObject get(ResourceType type, String namespace, String name) {
    KubeObject found = table(type).get(key(namespace, name));
    if (found == null) {
      throw notFound(type, name);
    }
    return found;
  }

  synchronized <T extends KubeObject> ObjectList<T> list(ResourceType type, String namespace,
      ListOptions options) {
    Predicate<KubeObject> selected = selection(namespace, options);
    List<T> items = new ArrayList<>();
    for (KubeObject object : table(type).values()) {
      if (selected.test(object)) {
        @SuppressWarnings("unchecked")
        T item = (T) object;
        items.add(item);
      }
    }
    return ObjectList.of(type.kind().apiVersion(), type.kind().kind(),
        new ListMeta(Long.toString(revision), null), items);
  }

  synchronized KubeObject create(ResourceType type, KubeObject object, String namespace) {
    ObjectMeta meta = object.metadata() == null ? ObjectMeta.EMPTY : object.metadata();
    String name = meta.name();
    if (isEmpty(name)) {
      if (isEmpty(meta.generateName())) {
        throw new InvalidException(Status.failure(422, "Invalid",
            type.kind().kind() + " \"\" is invalid: metadata.name: Required value: name or"
                + " generateName is required", details(type, "")));
      }
      do {
        name = generateName(meta.generateName());
      } while (table(type).containsKey(key(namespace, name)));
    }
    if (table(type).containsKey(key(namespace, name))) {
      throw new AlreadyExistsException(Status.failure(409, "AlreadyExists",
          qualified(type) + " \"" + name + "\" already exists", details(type, name)));
    }
    long rv = ++revision;
    ObjectMeta stored = meta.withName(name)
        .withNamespace(namespace)
        .withUid(uid())
        .withResourceVersion(Long.toString(rv))
        .withGeneration(1L)
        .withCreationTimestamp(Timestamps.format(clock.instant()))
        .withDeletionTimestamp(null);
    KubeObject created = object.withMetadata(stored);
    table(type).put(key(namespace, name), created);
    publish(new Change(rv, type, EventType.ADDED, null, created));
    return created;
  }

  /**
   * Replaces the object, or with {@code statusOnly} only its status. {@code object} has its
   * namespace filled in.
   */
  synchronized KubeObject update(ResourceType type, KubeObject object, boolean statusOnly) {
    ObjectMeta meta = object.metadata();
    if (meta == null || isEmpty(meta.name())) {
      throw new InvalidException(Status.failure(422, "Invalid",
          type.kind().kind() + " \"\" is invalid: metadata.name: Required value: name is required"
              + " for an update", details(type, "")));
    }
    KubeObject current = get(type, meta.namespace(), meta.name());
    ObjectMeta currentMeta = current.metadata();
    if (!isEmpty(meta.resourceVersion())
        && !meta.resourceVersion().equals(currentMeta.resourceVersion())) {
      throw conflict(type, meta.name(), OBJECT_MODIFIED);
    }
    ObjectNode currentTree = (ObjectNode) Codec.toTree(current);
    ObjectNode next;
    if (statusOnly) {
      next = currentTree.deepCopy();
      copyField((ObjectNode) Codec.toTree(object), next, "status");
    } else {
      next = (ObjectNode) Codec.toTree(object);
      if (type.subresources().contains("status")) {
        copyField(currentTree, next, "status");
      }
    }
    KubeObject candidate = Codec.fromTree(next, type.javaType());
    // What no update may change, as the registry's BeforeUpdate.
    ObjectMeta kept = candidate.metadata()
        .withNamespace(currentMeta.namespace())
        .withUid(currentMeta.uid())
        .withCreationTimestamp(currentMeta.creationTimestamp())
        .withDeletionTimestamp(currentMeta.deletionTimestamp())
        .withDeletionGracePeriodSeconds(currentMeta.deletionGracePeriodSeconds())
        .withResourceVersion(currentMeta.resourceVersion())
        .withGeneration(specOf(currentTree).equals(specOf(next))
            ? currentMeta.generation()
            : (currentMeta.generation() == null ? 0 : currentMeta.generation()) + 1);
    candidate = candidate.withMetadata(kept);
    if (Codec.toTree(candidate).equals(currentTree)) {
      return current; // a no-op update writes nothing, as the store's GuaranteedUpdate
    }
    long rv = ++revision;
    KubeObject updated = candidate.withMetadata(kept.withResourceVersion(Long.toString(rv)));
    String key = key(currentMeta.namespace(), currentMeta.name());
    if (kept.deletionTimestamp() != null && kept.finalizers().isEmpty()) {
      table(type).remove(key); // the last finalizer is gone: the deletion completes
      publish(new Change(rv, type, EventType.DELETED, current, updated));
    } else {
      table(type).put(key, updated);
      publish(new Change(rv, type, EventType.MODIFIED, current, updated));
    }
    return updated;
  }

  synchronized void delete(ResourceType type, String namespace, String name,
      DeleteOptions options) {
    KubeObject current = get(type, namespace, name);
    ObjectMeta meta = current.metadata();
    if (options != null && options.preconditionUid() != null
        && !options.preconditionUid().equals(meta.uid())) {
      throw conflict(type, name, "Precondition failed: UID in precondition: "
          + options.preconditionUid() + ", UID in object meta: " + meta.uid());
    }
    if (options != null && options.preconditionResourceVersion() != null
        && !options.preconditionResourceVersion().equals(meta.resourceVersion())) {
      throw conflict(type, name, "Precondition failed: ResourceVersion in precondition: "
          + options.preconditionResourceVersion() + ", ResourceVersion in object meta: "
          + meta.resourceVersion());
    }
    long rv;
    if (!meta.finalizers().isEmpty()) {
      if (meta.deletionTimestamp() != null) {
        return; // already being deleted: nothing changes
      }
      rv = ++revision;
      KubeObject marked = current.withMetadata(meta
          .withDeletionTimestamp(Timestamps.format(clock.instant()))
          .withDeletionGracePeriodSeconds(0L)
          .withResourceVersion(Long.toString(rv)));
      table(type).put(key(namespace, name), marked);
      publish(new Change(rv, type, EventType.MODIFIED, current, marked));
      return;
    }
    rv = ++revision;
    table(type).remove(key(namespace, name));
    publish(new Change(rv, type, EventType.DELETED, current,
        current.withMetadata(meta.withResourceVersion(Long.toString(rv)))));
  }

  /**
   * Registers a watch: events after {@code options.resourceVersion()}, or, when that is unset or
   * {@code "0"}, an ADDED event per existing object first (as the real server does).
   */
  synchronized <T extends KubeObject> FakeWatchStream<T> watch(ResourceType type,
      String namespace, ListOptions options) {
    String from = options == null ? null : options.resourceVersion();
    Predicate<KubeObject> selected = selection(namespace, options);
    FakeWatchStream<T> stream = new FakeWatchStream<>(type, selected, this::unregister);
    if (isEmpty(from) || "0".equals(from)) {
      for (KubeObject object : table(type).values()) {
        if (selected.test(object)) {
          stream.offer(EventType.ADDED, object);
        }
      }
    } else {
      long after;
      try {
        after = Long.parseLong(from);
      } catch (NumberFormatException e) {
        throw new BadRequestException(Status.failure(400, "BadRequest",
            "invalid resource version: " + from, null));
      }
      for (Change change : history) {
        if (change.revision() > after && change.type().equals(type)) {
          stream.deliver(change.eventType(), change.old(), change.object());
        }
      }
    }
    watchers.add(stream);
    return stream;
  }

  private synchronized void unregister(FakeWatchStream<?> stream) {
    watchers.remove(stream);
  }

  private void publish(Change change) {
    history.add(change);
    for (FakeWatchStream<?> watcher : watchers) {
      if (watcher.type().equals(change.type())) {
        watcher.deliver(change.eventType(), change.old(), change.object());
      }
    }
  }

  private TreeMap<String, KubeObject> table(ResourceType type) {
    return objects.computeIfAbsent(type, t -> new TreeMap<>());
  }

  /** Namespace, label selector and field selector of a list or watch, as one predicate. */
  private static Predicate<KubeObject> selection(String namespace, ListOptions options) {
    Selector labels = options == null || isEmpty(options.labelSelector())
        ? Selector.everything()
        : Selector.parse(options.labelSelector());
    FieldSelection fields = FieldSelection.parse(options == null ? null : options.fieldSelector());
    return object -> (namespace == null || namespace.equals(object.metadata().namespace()))
        && labels.matches(object.metadata().labels())
        && fields.matches(object);
  }

  private static void copyField(ObjectNode from, ObjectNode to, String field) {
    JsonNode value = from.get(field);
    if (value == null) {
      to.remove(field);
    } else {
      to.set(field, value.deepCopy());
    }
  }

  /** The object without metadata and status: what {@code generation} counts changes of. */
  private static JsonNode specOf(ObjectNode tree) {
    ObjectNode copy = tree.deepCopy();
    copy.remove(List.of("metadata", "status", "apiVersion", "kind"));
    return copy;
  }

  private String uid() {
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  private String generateName(String base) {
    StringBuilder name = new StringBuilder(base.length() > 58 ? base.substring(0, 58) : base);
    for (int i = 0; i < 5; i++) {
      name.append(NAME_ALPHABET.charAt(random.nextInt(NAME_ALPHABET.length())));
    }
    return name.toString();
  }

  private static String key(String namespace, String name) {
    return namespace == null ? name : namespace + "/" + name;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.isEmpty();
  }

  /** {@code pods} for the core group, {@code deployments.apps} otherwise (GroupResource.String). */
  static String qualified(ResourceType type) {
    String group = type.kind().group();
    return group.isEmpty() ? type.plural() : type.plural() + "." + group;
  }

  private static StatusDetails details(ResourceType type, String name) {
    return new StatusDetails(name, type.kind().group(), type.plural(), List.of());
  }

  static NotFoundException notFound(ResourceType type, String name) {
    return new NotFoundException(Status.failure(404, "NotFound",
        qualified(type) + " \"" + name + "\" not found", details(type, name)));
  }

  private static ConflictException conflict(ResourceType type, String name, String why) {
    return new ConflictException(Status.failure(409, "Conflict",
        "Operation cannot be fulfilled on " + qualified(type) + " \"" + name + "\": " + why,
        details(type, name)));
  }
}
