package io.minik8s.apiserver.auth.authz;

/**
 * Decides whether a user may perform a request. Authorizers say "no opinion" rather than "deny"
 * when nothing they know allows the request, so a chain can ask the next one; the server denies
 * what no authorizer allows.
 *
 * <p>Upstream: {@code authorizer.Authorizer} in k8s.io/apiserver/pkg/authorization/authorizer.
 */
@FunctionalInterface
public interface Authorizer {

  Decision authorize(Attributes attributes);
}
