package io.minik8s.apiserver.rest;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;

/**
 * The checks between a request's path and the object in its body, made before admission sees
 * the object. The path is what authorization allowed, so the body may not point elsewhere: a
 * create in namespace {@code a} cannot store an object in namespace {@code b}, a PUT to {@code
 * .../pods/web} cannot replace {@code db}.
 *
 * <p>Upstream: k8s.io/apiserver/pkg/endpoints/handlers/create.go and update.go ({@code
 * checkName}, {@code rest.EnsureObjectNamespaceMatchesRequestNamespace}), and the decoder's
 * check of the body's group and version.
 */
public final class RequestObjects {

  private RequestObjects() {}

  /**
   * Makes a body fit for creating an object of {@code type} in {@code namespace}: a missing
   * {@code apiVersion}/{@code kind} is filled in, a missing namespace is set from the path, a
   * cluster-scoped object loses any namespace it carries.
   *
   * @param namespace the namespace of the request path; {@code ""} for cluster-scoped resources
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest if the body's
   *     apiVersion or kind is not the resource's, or its namespace is not the path's
   */
  public static void checkForCreate(ResourceType type, String namespace, Unstructured body) {
    // BEGIN EXERCISE 2.2 — check a created object against the request: kind, namespace
    throw new UnsupportedOperationException("TODO exercise 2.2: check a created object against the request: kind, namespace");
    // END EXERCISE 2.2
  }

  /**
   * Makes a body fit for replacing object {@code name} of {@code type} in {@code namespace}.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest if the body's
   *     apiVersion or kind is not the resource's, its name is not the path's (also when it has
   *     none), or its namespace is set and is not the path's
   */
  public static void checkForUpdate(ResourceType type, String namespace, String name,
      Unstructured body) {
    // BEGIN EXERCISE 2.2 — check a replacing object against the request: kind, name, namespace
    throw new UnsupportedOperationException("TODO exercise 2.2: check a replacing object against the request: kind, name, namespace");
    // END EXERCISE 2.2
  }

  /**
   * Fills in a missing apiVersion or kind, and refuses ones that name another type.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest
   */
  public static void checkKind(ResourceType type, Unstructured body) {
    String expectedVersion = type.kind().apiVersion();
    String expectedKind = type.kind().kind();
    if (body.apiVersion().isEmpty()) {
      body.json().put("apiVersion", expectedVersion);
    } else if (!body.apiVersion().equals(expectedVersion)) {
      throw StatusErrors.badRequest("the API version in the data (" + body.apiVersion()
          + ") does not match the expected API version (" + expectedVersion + ")");
    }
    if (body.kind().isEmpty()) {
      body.json().put("kind", expectedKind);
    } else if (!body.kind().equals(expectedKind)) {
      throw StatusErrors.badRequest("the kind in the data (" + body.kind()
          + ") does not match the expected kind (" + expectedKind + ")");
    }
  }
}
