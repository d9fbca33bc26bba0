package io.minik8s.controllers.ownership;

import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which objects a controller owns, adopting orphans its selector matches and releasing
 * owned objects it no longer matches (upstream's {@code BaseControllerRefManager.ClaimObject},
 * pkg/controller/controller_ref_manager.go).
 *
 * <pre>
 *   object's controllerRef      selector matches     outcome
 *   this controller             yes                  owned
 *   this controller             no                   released (ownerReference removed)
 *   another controller          either               not ours, untouched
 *   none                        yes                  adopted (ownerReference added)
 *   none                        no                   not ours
 * </pre>
 *
 * A controller being deleted adopts and releases nothing, and an object being deleted is never
 * adopted: both would race with the garbage collector.
 */
public final class ControllerRefManager<T extends KubeObject> {

  private final KubeObject controller;
  private final Selector selector;
  private final ResourceClient<T> objects;

  public ControllerRefManager(KubeObject controller, Selector selector, ResourceClient<T> objects) {
    this.controller = controller;
    this.selector = selector;
    this.objects = objects;
  }

  /** The objects this controller owns after adopting and releasing; candidates are the cache's. */
  public List<T> claim(List<T> candidates) {
    List<T> owned = new ArrayList<>();
    for (T candidate : candidates) {
      claimOne(candidate).ifPresent(owned::add);
    }
    return owned;
  }

  private Optional<T> claimOne(T object) {
    ObjectMeta meta = object.metadata();
    boolean matches = selector.matches(meta.labels());
    boolean controllerDeleting = controller.metadata().deletionTimestamp() != null;
    Optional<OwnerReference> ref = meta.controllerRef();
    if (ref.isPresent()) {
      if (!ref.get().uid().equals(controller.metadata().uid())) {
        return Optional.empty();
      }
      if (matches) {
        return Optional.of(object);
      }
      if (!controllerDeleting) {
        patchOwners(object, withoutController(meta.ownerReferences()));
      }
      return Optional.empty();
    }
    if (!matches || controllerDeleting || meta.deletionTimestamp() != null) {
      return Optional.empty();
    }
    List<OwnerReference> adopted = new ArrayList<>(meta.ownerReferences());
    adopted.add(OwnerReference.controllerOf(controller));
    return patchOwners(object, adopted);
  }

  private List<OwnerReference> withoutController(List<OwnerReference> refs) {
    String uid = controller.metadata().uid();
    return refs.stream().filter(r -> !uid.equals(r.uid())).toList();
  }

  /**
   * A merge patch carrying the object's resourceVersion, so it fails with a conflict if the
   * object changed since the cache saw it (someone else may have adopted it meanwhile).
   */
  private Optional<T> patchOwners(T object, List<OwnerReference> owners) {
    ObjectMeta meta = object.metadata();
    String patch = Codec.toJson(Map.of("metadata", Map.of(
        "ownerReferences", owners, "resourceVersion", meta.resourceVersion())));
    try {
      return Optional.of(objects.patch(meta.namespace(), meta.name(), PatchType.MERGE, patch));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }
}
