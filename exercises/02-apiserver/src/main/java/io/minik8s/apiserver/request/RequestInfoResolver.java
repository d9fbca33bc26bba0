package io.minik8s.apiserver.request;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Works out what a request means from its method, path and query alone, before anyone reads
 * the body: the verb and the object addressed ({@link RequestInfo}). Authorization decides on
 * this, so it must not depend on anything the server stores.
 *
 * <pre>
 * GET    /api/v1/namespaces/ns/pods              list   pods in ns
 * GET    /api/v1/namespaces/ns/pods?watch=true   watch  pods in ns
 * GET    /api/v1/watch/namespaces/ns/pods        watch  pods in ns (the legacy watch prefix)
 * GET    /api/v1/pods                            list   pods in every namespace
 * POST   /api/v1/namespaces/ns/pods              create pods in ns
 * PUT    /api/v1/namespaces/ns/pods/web/status   update pods/status "web" in ns
 * DELETE /api/v1/namespaces/ns/pods              deletecollection pods in ns
 * GET    /api/v1/namespaces/ns                   get    namespaces "ns", namespace ns
 * GET    /apis/apps/v1                           get    a non-resource path (discovery)
 * </pre>
 *
 * <p>Upstream: {@code RequestInfoFactory.NewRequestInfo} in
 * k8s.io/apiserver/pkg/endpoints/request/requestinfo.go. Like upstream, a Namespace object is
 * its own namespace ({@code /api/v1/namespaces/ns} has namespace {@code ns}), so RBAC rules in
 * namespace {@code ns} can grant access to the Namespace object itself.
 */
public final class RequestInfoResolver {

  /** Path prefixes under which resources live: {@code /api/<version>} and {@code /apis/<group>/<version>}. */
  private static final Set<String> API_PREFIXES = Set.of("api", "apis");

  /** The prefix whose paths carry no group: the core ("legacy") group. */
  private static final String GROUPLESS_PREFIX = "api";

  /** Words right after {@code /namespaces/<name>/} that address the Namespace's own subresources. */
  private static final Set<String> NAMESPACE_SUBRESOURCES = Set.of("status", "finalize");

  /**
   * Resolves a request.
   *
   * @param method the HTTP method, e.g. {@code GET}
   * @param path the decoded request path, without query
   * @param query the query parameters, each with its values in order
   * @return the request's info; never null. A path this server cannot make sense of is a
   *     non-resource request (the router answers 404 for it).
   */
  public RequestInfo resolve(String method, String path, Map<String, List<String>> query) {
    // BEGIN EXERCISE 2.2 — resolve a request's verb, group, version, namespace, resource, name
    throw new UnsupportedOperationException("TODO exercise 2.2: resolve a request's verb, group, version, namespace, resource, name");
    // END EXERCISE 2.2
  }

  /** The Kubernetes verb of an HTTP method, before list/watch/deletecollection are told apart. */
  static String verbOf(String method) {
    return switch (method.toUpperCase(Locale.ROOT)) {
      case "POST" -> "create";
      case "GET", "HEAD" -> "get";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> "delete";
      default -> "";
    };
  }

  /**
   * Whether {@code watch} is set: any value but {@code false} and {@code 0} counts, even an
   * empty one, as upstream's query decoding of a bool ({@code Convert_Slice_string_To_bool}).
   */
  public static boolean isWatch(Map<String, List<String>> query) {
    List<String> values = query.get("watch");
    if (values == null || values.isEmpty()) {
      return false;
    }
    String value = values.get(0);
    return !(value.equals("0") || value.equalsIgnoreCase("false"));
  }

  /** The name a field selector of exactly {@code metadata.name=<name>} asks for, or "". */
  private static String exactName(Map<String, List<String>> query) {
    List<String> values = query.get("fieldSelector");
    if (values == null || values.isEmpty()) {
      return "";
    }
    String selector = values.get(0).trim();
    for (String operator : List.of("==", "=")) {
      String prefix = "metadata.name" + operator;
      if (selector.startsWith(prefix)) {
        String name = selector.substring(prefix.length());
        boolean single = !name.contains(",") && !name.contains("=") && !name.startsWith("!");
        boolean segment = !name.isEmpty() && !name.equals(".") && !name.equals("..")
            && !name.contains("/") && !name.contains("%");
        return single && segment ? name : "";
      }
    }
    return "";
  }

  /** The path's segments, without empty ones at either end ({@code /api/v1/} is [api, v1]). */
  static List<String> splitPath(String path) {
    String trimmed = path;
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("/"));
  }
}
