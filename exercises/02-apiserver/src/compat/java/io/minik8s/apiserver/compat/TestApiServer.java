package io.minik8s.apiserver.compat;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.api.KeyValueStore;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;

/**
 * An API server for the compatibility suites, on 127.0.0.1 and a free port. The only class of
 * this package that names the server's own API: every suite talks to the server over HTTP like
 * any client, so a change to how the server is started is a change here alone.
 */
final class TestApiServer implements AutoCloseable {

  /** "AlwaysAllow" or "RBAC", as {@code --authorization-mode} takes them. */
  static final String ALWAYS_ALLOW = "AlwaysAllow";

  static final String RBAC = "RBAC";

  private final ApiServer server;
  private boolean closed;

  private TestApiServer(ApiServer server) {
    this.server = server;
  }

  /** A server on a fresh in-memory store, authorizing every authenticated request. */
  static TestApiServer onFreshStore() {
    return on(EmbeddedStore.inMemory(Clock.systemUTC()), ALWAYS_ALLOW, null);
  }

  /** A server on {@code store} (shared with other servers, which is what replicas do). */
  static TestApiServer on(KeyValueStore store) {
    return on(store, ALWAYS_ALLOW, null);
  }

  /** A server on the store at {@code endpoint}: our store server or a real etcd. */
  static TestApiServer onEndpoint(String endpoint) {
    return start(ApiServerOptions.builder().storeSpec(endpoint).port(0)
        .authorizationMode(ALWAYS_ALLOW).clock(Clock.systemUTC()).build());
  }

  /**
   * @param authorizationMode {@link #ALWAYS_ALLOW} or {@link #RBAC}
   * @param tokenFile a static token file ({@code token,user,uid,"group1,group2"} lines), or null
   */
  static TestApiServer on(KeyValueStore store, String authorizationMode, Path tokenFile) {
    // RBAC needs real users, and kubectl sends a token only over TLS
    ApiServerOptions.Builder options = ApiServerOptions.builder().store(store).port(0)
        .authorizationMode(authorizationMode).clock(Clock.systemUTC())
        .tls(authorizationMode.equals(RBAC));
    if (tokenFile != null) {
      options.tokenFile(tokenFile);
    }
    return start(options.build());
  }

  private static TestApiServer start(ApiServerOptions options) {
    try {
      return new TestApiServer(ApiServer.start(options));
    } catch (Exception e) {
      throw new IllegalStateException("the API server did not start: " + e, e);
    }
  }

  /** The serving certificate, when the server speaks TLS. */
  java.util.Optional<String> certificatePem() {
    return server.certificatePem();
  }

  /** {@code http://127.0.0.1:PORT} (or https), without a trailing slash. */
  URI url() {
    String url = server.url().toString();
    return URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
  }

  int port() {
    return server.port();
  }

  /** A bearer token of a user in {@code system:masters}: allowed everything in any mode. */
  String adminToken() {
    return server.adminToken();
  }

  /** Stops the server; a second call does nothing (a test may stop a replica halfway). */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.close();
    }
  }
}
