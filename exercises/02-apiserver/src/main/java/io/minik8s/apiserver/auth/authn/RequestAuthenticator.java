package io.minik8s.apiserver.auth.authn;

import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.StatusErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Establishes who sent a request from its {@code Authorization} header: a {@code Bearer} token
 * is offered to each {@link Authenticator} in turn, and the first that knows it names the user,
 * who is then also in {@code system:authenticated}.
 *
 * <ul>
 *   <li>no header (or a scheme other than Bearer): {@link UserInfo#ANONYMOUS} if anonymous
 *       requests are allowed, else 401;
 *   <li>a Bearer token nobody knows: ALWAYS 401, even when anonymous requests are allowed (a
 *       client with a stale token must learn it, not silently lose its rights).
 * </ul>
 *
 * <p>Upstream: the union token authenticator, the bearer token request authenticator and the
 * anonymous authenticator in k8s.io/apiserver/pkg/authentication (request/bearertoken,
 * request/union, request/anonymous), with the group added by {@code group.AuthenticatedGroupAdder}.
 */
public final class RequestAuthenticator {

  private final List<Authenticator> authenticators;
  private final boolean allowAnonymous;

  public RequestAuthenticator(List<Authenticator> authenticators, boolean allowAnonymous) {
    this.authenticators = List.copyOf(authenticators);
    this.allowAnonymous = allowAnonymous;
  }

  /**
   * The user a request acts as.
   *
   * @param authorizationHeader the {@code Authorization} header, or {@code null}
   * @throws io.minik8s.apiserver.errors.ApiException 401 Unauthorized
   */
  public UserInfo authenticate(String authorizationHeader) {
    // BEGIN EXERCISE 2.5 — Bearer token through each authenticator; anonymous or 401 otherwise
    throw new UnsupportedOperationException("TODO exercise 2.5: Bearer token through each authenticator; anonymous or 401 otherwise");
    // END EXERCISE 2.5
  }

  private static UserInfo withAuthenticatedGroup(UserInfo user) {
    if (user.groups().contains(UserInfo.AUTHENTICATED)) {
      return user;
    }
    List<String> groups = new ArrayList<>(user.groups());
    groups.add(UserInfo.AUTHENTICATED);
    return new UserInfo(user.name(), user.uid(), groups);
  }
}
