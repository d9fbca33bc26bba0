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
    StringBuilder path = new StringBuilder();
    if (resource.group().isEmpty()) {
      path.append("/api/").append(resource.version());
    } else {
      path.append("/apis/").append(resource.group()).append('/').append(resource.version());
    }
    if (namespace != null) {
      path.append("/namespaces/").append(namespace);
    }
    path.append('/').append(resource.resource());
    if (name != null) {
      path.append('/').append(name);
      if (subresource != null) {
        path.append('/').append(subresource);
      }
    }
    return path.toString();
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
    if (path == null || !path.startsWith("/")) {
      throw new MalformedPathException("request path \"" + path + "\" must start with /");
    }
    if (path.contains("?")) {
      throw new MalformedPathException(
          "request path \"" + path + "\" must not contain a query string");
    }
    String trimmed = path.substring(1);
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    List<String> parts = Arrays.asList(trimmed.split("/", -1));
    if (parts.contains("")) {
      throw new MalformedPathException("request path \"" + path + "\" has an empty segment");
    }

    GroupVersion gv;
    List<String> rest;
    if (parts.get(0).equals("api") && parts.size() >= 2) {
      gv = new GroupVersion("", parts.get(1));
      rest = parts.subList(2, parts.size());
    } else if (parts.get(0).equals("apis") && parts.size() >= 3) {
      gv = new GroupVersion(parts.get(1), parts.get(2));
      rest = parts.subList(3, parts.size());
    } else {
      throw new MalformedPathException("request path \"" + path
          + "\" must start with /api/<version>/ or /apis/<group>/<version>/");
    }
    if (rest.isEmpty()) {
      throw new MalformedPathException(
          "request path \"" + path + "\" names an API group version, not a resource");
    }

    String namespace = null;
    if (rest.get(0).equals("namespaces")
        && rest.size() >= 3
        && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
      namespace = rest.get(1);
      rest = rest.subList(2, rest.size());
    }
    if (rest.size() > 3) {
      throw new MalformedPathException("request path \"" + path
          + "\" has too many segments: expected <resource>[/<name>[/<subresource>]]");
    }
    String name = rest.size() > 1 ? rest.get(1) : null;
    for (String segment : new String[] {namespace, name}) {
      if (".".equals(segment) || "..".equals(segment)) {
        throw new MalformedPathException(
            "request path \"" + path + "\" uses \"" + segment + "\" as a name");
      }
    }
    return new RestPath(
        new GroupVersionResource(gv.group(), gv.version(), rest.get(0)),
        namespace,
        name,
        rest.size() > 2 ? rest.get(2) : null);
    // END EXERCISE 0.5
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
