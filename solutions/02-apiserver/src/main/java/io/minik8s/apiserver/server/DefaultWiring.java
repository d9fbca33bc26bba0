package io.minik8s.apiserver.server;

import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.auth.authz.Authorizer;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.rest.ServerComponents;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.Scheme;
import io.minik8s.store.api.KeyValueStore;
import java.time.Clock;
import java.util.Random;

/**
 * The layers a server gets unless its options say otherwise: this is where each layer's real
 * implementation is plugged in (storage, the admission chain, the token and ServiceAccount
 * authenticators, RBAC, discovery, OpenAPI, printing, patching).
 */
final class DefaultWiring {

  private DefaultWiring() {}

  static Registries registries(KeyValueStore store, Scheme scheme, Clock clock, Random random) {
    // wiring point: new StoreRegistries(store, scheme, clock, random)
    throw new IllegalStateException("no storage layer is wired into this API server build");
  }

  static ServerComponents components(ApiServerOptions options, Registries registries,
      KeyValueStore store) {
    return ServerComponents.minimal()
        .withAuthentication(anonymous(options.anonymousAuth()))
        .withAuthorizer(authorizer(options.authorizationMode()))
        .withReady(() -> ready(store));
  }

  /**
   * Requests without a token are anonymous if allowed; a token nobody knows is 401 (the token
   * file and ServiceAccount token authenticators plug in here).
   */
  static ServerComponents.Authentication anonymous(boolean allowed) {
    return header -> {
      if (header == null && allowed) {
        return UserInfo.ANONYMOUS;
      }
      throw StatusErrors.unauthorized();
    };
  }

  static Authorizer authorizer(String mode) {
    if (mode.equals(ApiServerOptions.ALWAYS_ALLOW)) {
      return attributes -> Decision.allow("");
    }
    // wiring point: the RBAC authorizer; until then only system:masters (bypassed by ApiServer)
    return attributes -> Decision.noOpinion("");
  }

  /** Whether the store answers a status request. */
  static boolean ready(KeyValueStore store) {
    try {
      store.status();
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
