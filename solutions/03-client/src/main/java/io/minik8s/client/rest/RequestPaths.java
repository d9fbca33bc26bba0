package io.minik8s.client.rest;

import io.minik8s.objects.scheme.ResourceType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The URL of a request: the path that addresses a kind's collection, one object or its
 * subresource, and the query string of a list or watch.
 *
 * <pre>
 * Pod        namespaced  core group   /api/v1/namespaces/default/pods/web
 *                                     /api/v1/namespaces/default/pods/web/status
 *                                     /api/v1/pods                  (all namespaces)
 * Deployment namespaced  apps/v1      /apis/apps/v1/namespaces/ns/deployments
 * Node       cluster     core group   /api/v1/nodes/n1              (a namespace is ignored)
 * </pre>
 *
 * <p>Upstream: client-go's {@code rest.Request} builds the same from {@code .Namespace(ns)
 * .Resource("pods").Name(n).SubResource("status")} (k8s.io/client-go/rest/request.go, {@code
 * URL()}), and {@code metav1.ListOptions} becomes the query through the parameter codec.
 */
public final class RequestPaths {

  private RequestPaths() {}

  /**
   * The path of {@code type}'s collection ({@code name} null), of one object, or of its {@code
   * subresource}. The namespace is left out for a cluster-scoped kind, and for a namespaced kind
   * when null (the collection across all namespaces).
   */
  public static String path(ResourceType type, String namespace, String name,
      String subresource) {
    // BEGIN EXERCISE 3.1 — build the request path of a kind: group, scope, name, subresource
    StringBuilder path = new StringBuilder();
    String group = type.kind().group();
    if (group.isEmpty()) {
      path.append("/api/").append(type.kind().version());
    } else {
      path.append("/apis/").append(group).append('/').append(type.kind().version());
    }
    if (type.namespaced() && namespace != null && !namespace.isEmpty()) {
      path.append("/namespaces/").append(namespace);
    }
    path.append('/').append(type.plural());
    if (name != null) {
      path.append('/').append(name);
      if (subresource != null) {
        path.append('/').append(subresource);
      }
    }
    return path.toString();
    // END EXERCISE 3.1
  }

  /**
   * The query string of a list ({@code watch} false) or a watch, with its leading {@code ?}, or
   * the empty string when nothing is set. Parameters are URL-encoded; unset ones (null, 0, false)
   * are left out. Order: labelSelector, fieldSelector, resourceVersion, limit, continue,
   * timeoutSeconds, allowWatchBookmarks, watch.
   */
  public static String query(ListOptions options, boolean watch) {
    // BEGIN EXERCISE 3.1 — encode list options as a URL query (unset options left out)
    StringBuilder query = new StringBuilder();
    add(query, "labelSelector", options.labelSelector());
    add(query, "fieldSelector", options.fieldSelector());
    add(query, "resourceVersion", options.resourceVersion());
    if (options.limit() > 0) {
      add(query, "limit", Long.toString(options.limit()));
    }
    add(query, "continue", options.continueToken());
    if (options.timeoutSeconds() > 0) {
      add(query, "timeoutSeconds", Long.toString(options.timeoutSeconds()));
    }
    if (options.allowWatchBookmarks()) {
      add(query, "allowWatchBookmarks", "true");
    }
    if (watch) {
      add(query, "watch", "true");
    }
    return query.toString();
    // END EXERCISE 3.1
  }

  /** Appends {@code name=value}, URL-encoded, after {@code ?} or {@code &}; skips null or empty. */
  static void add(StringBuilder query, String name, String value) {
    if (value == null || value.isEmpty()) {
      return;
    }
    query.append(query.length() == 0 ? '?' : '&')
        .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
  }
}
