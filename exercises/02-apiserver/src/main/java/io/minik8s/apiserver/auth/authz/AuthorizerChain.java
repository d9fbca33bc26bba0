package io.minik8s.apiserver.auth.authz;

import java.util.ArrayList;
import java.util.List;

/**
 * Asks authorizers in order; the first that allows or denies decides. If none has an opinion,
 * the answer is no opinion with their reasons joined by newlines (the server then denies).
 *
 * <p>Upstream: k8s.io/apiserver/pkg/authorization/union/union.go.
 */
public final class AuthorizerChain implements Authorizer {

  private final List<Authorizer> authorizers;

  public AuthorizerChain(List<Authorizer> authorizers) {
    this.authorizers = List.copyOf(authorizers);
  }

  @Override
  public Decision authorize(Attributes attributes) {
    List<String> reasons = new ArrayList<>();
    for (Authorizer authorizer : authorizers) {
      Decision decision = authorizer.authorize(attributes);
      if (decision.kind() != Decision.Kind.NO_OPINION) {
        return decision;
      }
      if (decision.reason() != null && !decision.reason().isEmpty()) {
        reasons.add(decision.reason());
      }
    }
    return Decision.noOpinion(String.join("\n", reasons));
  }
}
