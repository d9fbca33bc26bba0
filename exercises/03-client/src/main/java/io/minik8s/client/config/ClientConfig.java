package io.minik8s.client.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where the API server is and who the client is (upstream's {@code rest.Config}).
 *
 * @param server e.g. {@code https://127.0.0.1:6443}
 * @param bearerToken sent as {@code Authorization: Bearer ...}; null: anonymous
 * @param namespace the default namespace for namespaced requests without one
 * @param caCertificatePem the PEM certificate(s) the server's certificate must chain to; null: the
 *     JDK's trust store
 * @param insecureSkipTlsVerify accept any server certificate (tests and labs only)
 * @param requestTimeout the limit for one non-watch request
 */
public record ClientConfig(
    URI server,
    String bearerToken,
    String namespace,
    String caCertificatePem,
    boolean insecureSkipTlsVerify,
    Duration requestTimeout) {

  public ClientConfig {
    namespace = namespace == null || namespace.isEmpty() ? "default" : namespace;
    requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
  }

  /** A plain-HTTP or trusted-HTTPS server with a token, default namespace and timeout. */
  public static ClientConfig of(URI server, String bearerToken) {
    return new ClientConfig(server, bearerToken, null, null, false, null);
  }
}
