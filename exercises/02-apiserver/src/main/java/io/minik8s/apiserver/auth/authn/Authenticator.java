package io.minik8s.apiserver.auth.authn;

import io.minik8s.apiserver.auth.UserInfo;
import java.util.Optional;

/**
 * Turns a bearer token into a user. An authenticator answers empty for a token it does not
 * recognise, so several can be tried in turn (the token file, then ServiceAccount tokens); none
 * throws for a bad token.
 *
 * <p>Upstream: {@code authenticator.Token} in k8s.io/apiserver/pkg/authentication/authenticator.
 */
@FunctionalInterface
public interface Authenticator {

  /** The user this token belongs to, or empty if this authenticator does not know it. */
  Optional<UserInfo> authenticate(String bearerToken);
}
