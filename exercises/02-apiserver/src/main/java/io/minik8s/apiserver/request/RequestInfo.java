package io.minik8s.apiserver.request;

/**
 * What a request path and method mean, before anything else looks at the request: the verb
 * (get, list, watch, create, update, patch, delete, deletecollection) and the object addressed.
 * Authorization decides on this, and the router dispatches on it.
 *
 * <p>A non-resource request ({@code /version}, {@code /healthz}, {@code /api}) has only
 * {@code path} and {@code verb} (the lowercased HTTP method); every other field is {@code ""}.
 *
 * <p>Upstream: {@code request.RequestInfo} in k8s.io/apiserver/pkg/endpoints/request/requestinfo.go.
 *
 * @param resourceRequest whether the path addresses a resource ({@code /api/v1/...} or
 *     {@code /apis/<group>/<version>/...} with a resource part)
 * @param path the request path, without query
 * @param verb the Kubernetes verb, e.g. {@code list} for {@code GET /api/v1/pods} and {@code
 *     watch} for {@code GET /api/v1/pods?watch=true}
 * @param apiGroup {@code ""} for the core group
 * @param apiVersion {@code v1}
 * @param namespace {@code ""} for cluster-scoped and all-namespace requests
 * @param resource the plural, e.g. {@code pods}
 * @param subresource e.g. {@code status}, {@code scale}, {@code binding}; {@code ""} if none
 * @param name the object's name; {@code ""} for collection requests
 */
public record RequestInfo(
    boolean resourceRequest,
    String path,
    String verb,
    String apiGroup,
    String apiVersion,
    String namespace,
    String resource,
    String subresource,
    String name) {

  /** A request for a path that is not a resource. */
  public static RequestInfo nonResource(String path, String verb) {
    return new RequestInfo(false, path, verb, "", "", "", "", "", "");
  }
}
