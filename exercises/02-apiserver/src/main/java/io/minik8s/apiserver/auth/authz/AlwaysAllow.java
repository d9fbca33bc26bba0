package io.minik8s.apiserver.auth.authz;

/**
 * Allows everything ({@code --authorization-mode=AlwaysAllow}): for tests and a first run.
 *
 * <p>Upstream: k8s.io/apiserver/pkg/authorization/authorizerfactory/builtin.go.
 */
public final class AlwaysAllow implements Authorizer {

  @Override
  public Decision authorize(Attributes attributes) {
    return Decision.allow("");
  }
}
