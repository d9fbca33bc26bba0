package io.minik8s.apiserver.auth.authz;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusDetails;
import java.util.List;

/**
 * The 403 a request gets when no authorizer allows it, worded as upstream, which kubectl prints
 * after {@code Error from server (Forbidden):}
 *
 * <pre>
 * pods is forbidden: User "alice" cannot list resource "pods" in API group "" in the namespace "default"
 * nodes "n1" is forbidden: User "alice" cannot get resource "nodes" in API group "" at the cluster scope
 * pods "web" is forbidden: User "alice" cannot update resource "pods/status" in API group "" in the namespace "default"
 * forbidden: User "alice" cannot get path "/healthz"
 * </pre>
 *
 * followed by {@code ": " + reason} when the authorizer gave one.
 *
 * <p>Upstream: {@code forbiddenMessage} and {@code Forbidden} in
 * k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go, with {@code NewForbidden}
 * in k8s.io/apimachinery/pkg/api/errors/errors.go.
 */
public final class Forbidden {

  private Forbidden() {}

  /** What the user may not do: {@code User "alice" cannot list resource "pods" in ...}. */
  public static String message(Attributes attributes) {
    // BEGIN EXERCISE 2.5 — word the denial as upstream's forbiddenMessage
    throw new UnsupportedOperationException("TODO exercise 2.5: word the denial as upstream's forbiddenMessage");
    // END EXERCISE 2.5
  }

  /** The 403 Forbidden error for a denied request; {@code reason} may be empty. */
  public static ApiException error(Attributes attributes, String reason) {
    RequestInfo r = attributes.request();
    String why = reason == null || reason.isEmpty()
        ? message(attributes) : message(attributes) + ": " + reason;
    if (!r.resourceRequest() || r.resource().isEmpty()) {
      return new ApiException(Status.failure(403, "Forbidden", "forbidden: " + why, null));
    }
    String qualified = r.apiGroup().isEmpty() ? r.resource() : r.resource() + "." + r.apiGroup();
    String subject = r.name().isEmpty() ? qualified : qualified + " " + quote(r.name());
    return new ApiException(Status.failure(403, "Forbidden", subject + " is forbidden: " + why,
        new StatusDetails(r.name(), r.apiGroup(), r.resource(), List.of())));
  }

  /** Go's {@code %q} for the names and paths that appear here. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
