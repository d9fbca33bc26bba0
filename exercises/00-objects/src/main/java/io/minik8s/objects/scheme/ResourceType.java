package io.minik8s.objects.scheme;

import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.Set;

/**
 * Everything the system knows about one kind: its GVK, the REST resource names (plural,
 * singular, short names as in {@code kubectl api-resources}), whether objects live in a
 * namespace, the subresources it serves and the Java record that holds it.
 *
 * <p>Upstream: a {@code meta.RESTMapping} plus a discovery {@code metav1.APIResource}.
 */
public record ResourceType(
    GroupVersionKind kind,
    String plural,
    String singular,
    List<String> shortNames,
    boolean namespaced,
    Set<String> subresources,
    Class<? extends KubeObject> javaType) {

  public ResourceType {
    shortNames = List.copyOf(shortNames);
    subresources = Set.copyOf(subresources);
  }

  /** The REST collection: e.g. {@code apps/v1, Resource=deployments}. */
  public GroupVersionResource resource() {
    return new GroupVersionResource(kind.group(), kind.version(), plural);
  }

  /** The kind of a list of these: {@code PodList}. */
  public String listKind() {
    return kind.kind() + "List";
  }
}
