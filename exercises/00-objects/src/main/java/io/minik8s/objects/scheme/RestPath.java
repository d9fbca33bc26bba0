package io.minik8s.objects.scheme;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The parts of a Kubernetes REST path: which collection ({@code resource}), in which namespace
 * (null for cluster-scoped resources and for lists across all namespaces), which object ({@code
 * name}, null for the collection) and which subresource ({@code status}, {@code scale}, {@code
 * binding}; null for the object itself).
 *
 * <pre>
 * /api/v1/namespaces/default/pods/web          pods, namespace default, name web
 * /api/v1/namespaces/default/pods/web/status   ... subresource status
 * /api/v1/pods                                 pods in all namespaces
 * /apis/apps/v1/namespaces/ns/deployments      deployments in ns
 * /api/v1/nodes/n1                             cluster-scoped: no namespace
 * /api/v1/namespaces/team-a                    the Namespace object team-a (namespace null)
 * /api/v1/namespaces/team-a/status             its status subresource
 * </pre>
 *
 * <p>Upstream: the parsing half is {@code RequestInfoFactory.NewRequestInfo} in
 * k8s.io/apiserver/pkg/endpoints/request/requestinfo.go. One difference: for the Namespace object
 * itself upstream also sets {@code Namespace} to its name; here {@code namespace} stays null, since
 * namespaces are cluster-scoped.
 */
public record RestPath(
    GroupVersionResource resource, String namespace, String name, String subresource) {

  /**
   * Words that, right after {@code /namespaces/<name>/}, name a subresource of the Namespace
   * rather than a resource inside it.
   */
  static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /**
   * Normalises empty strings to null.
   *
   * @throws IllegalArgumentException if {@code resource} is null, or a subresource is given
   *     without a name
   */
  public RestPath {
    if (resource == null) {
      throw new IllegalArgumentException("a REST path needs a resource");
    }
    namespace = emptyToNull(namespace);
    name = emptyToNull(name);
    subresource = emptyToNull(subresource);
    if (subresource != null && name == null) {
      throw new IllegalArgumentException("subresource \"" + subresource + "\" of "
          + resource.resource() + " needs an object name");
    }
  }

  /** The path of a collection: all of it when {@code namespace} is null. */
  public static RestPath collection(GroupVersionResource resource, String namespace) {
    return new RestPath(resource, namespace, null, null);
  }

  /** The path of one object. */
  public static RestPath object(GroupVersionResource resource, String namespace, String name) {
    return new RestPath(resource, namespace, name, null);
  }

  /**
   * Builds the URL path, e.g. {@code /apis/apps/v1/namespaces/ns/deployments/web/scale}.
   * The core group lives under {@code /api/<version>}, every other group under {@code
   * /apis/<group>/<version>}.
   */
  public String toPath() {
    // BEGIN EXERCISE 0.5 — build the REST path from resource, namespace, name and subresource
    throw new UnsupportedOperationException("TODO exercise 0.5: build the REST path from resource, namespace, name and subresource");
    // END EXERCISE 0.5
  }

  /**
   * Parses a request path (without query string) into its parts. This checks the layout only;
   * {@link Scheme#parsePath} also checks the resource exists and its scope fits. A trailing
   * {@code /} is ignored, as upstream does.
   *
   * @throws MalformedPathException if the path does not start with {@code /api/<version>/} or
   *     {@code /apis/<group>/<version>/}, names no resource (a discovery path such as {@code
   *     /api/v1}), has an empty segment ({@code //}), a name of {@code .} or {@code ..}, a query
   *     string, or more segments than resource/name/subresource
   */
  public static RestPath parse(String path) {
    // BEGIN EXERCISE 0.5 — parse a REST path back into resource, namespace, name and subresource
    throw new UnsupportedOperationException("TODO exercise 0.5: parse a REST path back into resource, namespace, name and subresource");
    // END EXERCISE 0.5
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
