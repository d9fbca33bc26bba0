package io.minik8s.apiserver.discovery;

import io.minik8s.objects.scheme.GroupVersion;
import io.minik8s.objects.scheme.GroupVersionKind;
import java.util.List;

/**
 * One entry of a discovery document: a resource or subresource the server serves in {@code
 * servedIn}, with the kind its requests and responses carry and the verbs it answers.
 *
 * <p>{@code name} is the plural ({@code pods}) or {@code resource/subresource} ({@code
 * pods/status}). A subresource's kind may live in another group: {@code deployments/scale} carries
 * {@code autoscaling/v1 Scale}, {@code pods/eviction} carries {@code policy/v1 Eviction}; the
 * discovery document then names that group and version beside the kind.
 *
 * <p>Upstream: {@code metav1.APIResource} in k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
public record ApiResource(
    GroupVersion servedIn,
    String name,
    String singularName,
    boolean namespaced,
    GroupVersionKind kind,
    List<String> verbs,
    List<String> shortNames,
    List<String> categories) {

  public ApiResource {
    verbs = List.copyOf(verbs);
    shortNames = List.copyOf(shortNames);
    categories = List.copyOf(categories);
  }

  /** True for {@code pods/status} and the like. */
  public boolean isSubresource() {
    return name.contains("/");
  }
}
