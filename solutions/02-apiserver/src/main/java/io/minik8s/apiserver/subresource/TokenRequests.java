package io.minik8s.apiserver.subresource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.auth.authn.ServiceAccountTokens;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.meta.Timestamps;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code serviceaccounts/token}: the TokenRequest API, how a ServiceAccount's credentials are
 * obtained ({@code kubectl create token NAME}; the kubelet asks the same for every pod). The
 * answer is the request with {@code status.token} and {@code status.expirationTimestamp}.
 *
 * <p>Upstream: pkg/registry/core/serviceaccount/storage/token.go; the default and minimum
 * lifetimes are upstream's (1 hour, 10 minutes).
 */
public final class TokenRequests {

  static final Duration DEFAULT_TTL = Duration.ofHours(1);
  static final Duration MIN_TTL = Duration.ofMinutes(10);

  private final ServiceAccountTokens tokens;
  private final Clock clock;

  public TokenRequests(ServiceAccountTokens tokens, Clock clock) {
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * The TokenRequest {@code request} answered for {@code serviceAccount}.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 for another kind, 422 for an
   *     expiration below ten minutes
   */
  public ObjectNode issue(Unstructured serviceAccount, ObjectNode request) {
    String kind = request.path("kind").asText("TokenRequest");
    if (!kind.equals("TokenRequest")) {
      throw StatusErrors.badRequest("expected an authentication.k8s.io/v1 TokenRequest, got "
          + kind);
    }
    long seconds = request.path("spec").path("expirationSeconds").asLong(DEFAULT_TTL.toSeconds());
    if (seconds < MIN_TTL.toSeconds()) {
      throw StatusErrors.badRequest("spec.expirationSeconds: may not specify a duration less "
          + "than 10 minutes");
    }
    Duration ttl = Duration.ofSeconds(seconds);
    ObjectNode answer = request.deepCopy();
    answer.put("apiVersion", "authentication.k8s.io/v1");
    answer.put("kind", "TokenRequest");
    answer.with("spec").put("expirationSeconds", seconds);
    answer.with("metadata").put("name", serviceAccount.name())
        .put("namespace", serviceAccount.namespace());
    answer.with("status")
        .put("token", tokens.issue(serviceAccount.namespace(), serviceAccount.name(),
            serviceAccount.uid(), ttl))
        .put("expirationTimestamp", Timestamps.format(clock.instant().plus(ttl)));
    return answer;
  }
}
