package io.minik8s.client.fake;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.client.errors.BadRequestException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.patch.JsonMergePatch;
import io.minik8s.objects.scheme.ResourceType;

/**
 * The verbs of one kind on a {@link FakeKubeClient}: each records an {@link Action}, lets the
 * reactors veto it, then asks the {@link ObjectTracker}.
 */
final class FakeResourceClient<T extends KubeObject> implements ResourceClient<T> {

  private final FakeKubeClient client;
  private final ObjectTracker tracker;
  private final ResourceType type;

  FakeResourceClient(FakeKubeClient client, ObjectTracker tracker, ResourceType type) {
    this.client = client;
    this.tracker = tracker;
    this.type = type;
  }

  @Override
  public T get(String namespace, String name) {
    String ns = namespaceFor(namespace);
    client.invoke(new Action("get", type.plural(), ns, name, null));
    return cast(tracker.get(type, ns, name));
  }

  @Override
  public ObjectList<T> list(String namespace, ListOptions options) {
    String ns = type.namespaced() ? namespace : null;
    client.invoke(new Action("list", type.plural(), ns, null, null));
    return tracker.list(type, ns, options);
  }

  @Override
  public T create(T object) {
    ObjectMeta meta = object.metadata() == null ? ObjectMeta.EMPTY : object.metadata();
    String ns = namespaceFor(meta.namespace());
    client.invoke(new Action("create", type.plural(), ns, meta.name(), object));
    return cast(tracker.create(type, object, ns));
  }

  @Override
  public T update(T object) {
    return update(object, false);
  }

  @Override
  public T updateStatus(T object) {
    return update(object, true);
  }

  private T update(T object, boolean status) {
    ObjectMeta meta = object.metadata() == null ? ObjectMeta.EMPTY : object.metadata();
    String ns = namespaceFor(meta.namespace());
    String resource = status ? type.plural() + "/status" : type.plural();
    client.invoke(new Action("update", resource, ns, meta.name(), object));
    if (status && !type.subresources().contains("status")) {
      throw ObjectTracker.notFound(type, meta.name() + "/status");
    }
    return cast(tracker.update(type, object.withMetadata(meta.withNamespace(ns)), status));
  }

  @Override
  public T patch(String namespace, String name, PatchType patchType, String patch) {
    String ns = namespaceFor(namespace);
    if (patchType != PatchType.MERGE && patchType != PatchType.STRATEGIC_MERGE) {
      throw new UnsupportedOperationException("FakeKubeClient applies merge patches only"
          + " (MERGE, and STRATEGIC_MERGE as a plain merge patch), not " + patchType);
    }
    JsonNode patchTree;
    try {
      patchTree = Codec.fromJson(patch, JsonNode.class);
    } catch (RuntimeException e) {
      throw new BadRequestException(Status.failure(400, "BadRequest",
          "the patch is not valid JSON: " + e.getMessage(), null));
    }
    T preview;
    try {
      preview = patched(ns, name, patchTree);
    } catch (NotFoundException e) {
      preview = null; // logged without an object; the write below answers NotFound
    }
    client.invoke(new Action("patch", type.plural(), ns, name, preview));
    // Read, patch and write under the tracker's lock, so no concurrent write is lost.
    synchronized (tracker) {
      return cast(tracker.update(type, patched(ns, name, patchTree), false));
    }
  }

  /** The stored object with the merge patch applied; its resourceVersion only if the patch sets one. */
  private T patched(String namespace, String name, JsonNode patchTree) {
    T current = cast(tracker.get(type, namespace, name));
    JsonNode patched = JsonMergePatch.apply(Codec.toTree(current), patchTree);
    T next = cast(Codec.fromTree(patched, type.javaType()));
    if (!patchTree.path("metadata").has("resourceVersion")) {
      next = cast(next.withMetadata(next.metadata().withResourceVersion(null)));
    }
    return next;
  }

  @Override
  public void delete(String namespace, String name, DeleteOptions options) {
    String ns = namespaceFor(namespace);
    client.invoke(new Action("delete", type.plural(), ns, name, null));
    tracker.delete(type, ns, name, options);
  }

  @Override
  public WatchStream<T> watch(String namespace, ListOptions options) {
    String ns = type.namespaced() ? namespace : null;
    client.invoke(new Action("watch", type.plural(), ns, null, null));
    return tracker.watch(type, ns, options);
  }

  /** The namespace a request for one object addresses: the client's default when none is given. */
  private String namespaceFor(String namespace) {
    if (!type.namespaced()) {
      return null;
    }
    return namespace == null || namespace.isEmpty() ? client.defaultNamespace() : namespace;
  }

  @SuppressWarnings("unchecked")
  private T cast(KubeObject object) {
    return (T) object;
  }
}
