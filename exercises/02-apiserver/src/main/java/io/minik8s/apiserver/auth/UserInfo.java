package io.minik8s.apiserver.auth;

import java.util.List;

/**
 * Who is asking: what authentication established and what authorization and admission decide
 * on. Groups matter as much as the name: {@code system:masters} may do anything, and RBAC binds
 * roles to groups such as {@code system:serviceaccounts:<namespace>}.
 *
 * <p>Upstream: {@code user.Info} in k8s.io/apiserver/pkg/authentication/user/user.go.
 */
public record UserInfo(String name, String uid, List<String> groups) {

  /** Every authenticated user is in this group. */
  public static final String AUTHENTICATED = "system:authenticated";

  /** A request without credentials, when the server allows those at all. */
  public static final UserInfo ANONYMOUS =
      new UserInfo("system:anonymous", "", List.of("system:unauthenticated"));

  public UserInfo {
    uid = uid == null ? "" : uid;
    groups = List.copyOf(groups);
  }
}
