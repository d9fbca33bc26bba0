package io.minik8s.apiserver.server;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.auth.authz.BootstrapPolicy;
import io.minik8s.apiserver.auth.authz.RbacAuthorizer;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.rest.ApiRouter;
import io.minik8s.apiserver.rest.ServerComponents;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.store.DurableStore;
import io.minik8s.store.EmbeddedStore;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.client.HttpKeyValueStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running API server: the store, the layers on it, and the HTTP front door. Stateless: every
 * object lives in the store, so two servers on one store serve the same cluster.
 *
 * <pre>{@code
 * try (ApiServer server = ApiServer.start(ApiServerOptions.builder().build())) {
 *   // kubectl --server server.url() --token server.adminToken() get pods
 * }
 * }</pre>
 *
 * <p>Every server has an admin token (in group {@code system:masters}, allowed everything)
 * made fresh at start; {@code --kubeconfig-out} hands it to kubectl.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = System.getLogger(ApiServer.class.getName());


  private final HttpServer http;
  private final ExecutorService requestThreads;
  private final ExecutorService watchThreads;
  private final KeyValueStore store;
  private final AutoCloseable ownedStore;
  private final Registries registries;
  private final String adminToken;
  private final ServingCertificate certificate;

  private ApiServer(HttpServer http, ExecutorService requestThreads, ExecutorService watchThreads,
      KeyValueStore store, AutoCloseable ownedStore, Registries registries, String adminToken,
      ServingCertificate certificate) {
    this.http = http;
    this.requestThreads = requestThreads;
    this.watchThreads = watchThreads;
    this.store = store;
    this.ownedStore = ownedStore;
    this.registries = registries;
    this.adminToken = adminToken;
    this.certificate = certificate;
  }

  /** Plain HTTP, or HTTPS with {@code certificate} when there is one. */
  private static HttpServer listen(ApiServerOptions options, ServingCertificate certificate)
      throws IOException {
    InetSocketAddress address = new InetSocketAddress(options.bindAddress(), options.port());
    if (certificate == null) {
      return HttpServer.create(address, 0);
    }
    HttpsServer https = HttpsServer.create(address, 0);
    https.setHttpsConfigurator(new HttpsConfigurator(certificate.sslContext()));
    return https;
  }

  /**
   * Opens the store (unless given one), builds every layer and starts serving.
   *
   * @throws UncheckedIOException if the port cannot be bound
   */
  public static ApiServer start(ApiServerOptions options) {
    // Nagle off: a small response otherwise waits for the client's delayed ACK (~40 ms)
    System.setProperty("sun.net.httpserver.nodelay", "true");
    AutoCloseable owned = null;
    KeyValueStore store = options.store();
    if (store == null) {
      if (options.storeSpec().equals("embedded")) {
        if (options.dataDir() != null) {
          DurableStore durable = DurableStore.open(options.dataDir(), options.clock(), b -> b);
          owned = durable;
          store = durable.store();
        } else {
          store = EmbeddedStore.builder().clock(options.clock()).build();
          owned = store;
        }
      } else {
        store = new HttpKeyValueStore(options.storeSpec());
        owned = store;
      }
    }
    Registries registries = null;
    ExecutorService requests = null;
    ExecutorService watches = null;
    try {
      Random random = options.randomSeed() == null
          ? new Random() : new Random(options.randomSeed());
      registries = options.registries().create(store, options.scheme(), options.clock(), random);
      if (options.bootstrap()) {
        SystemNamespaces.ensure(registries, options.scheme());
        BootstrapPolicy.ensure(registries);
      }
      String adminToken = newToken();
      ServerComponents components = withAdmin(
          options.components().create(options, registries, store), adminToken);
      requests = Executors.newFixedThreadPool(options.requestThreads(), threads("apiserver-request"));
      watches = Executors.newCachedThreadPool(threads("apiserver-watch"));
      ApiRouter router = new ApiRouter(options.scheme(), registries, components, watches,
          options.watchTimeout().toMillis());
      ServingCertificate certificate = options.tls() ? ServingCertificate.generate() : null;
      HttpServer http = listen(options, certificate);
      http.createContext("/", router);
      http.setExecutor(requests);
      http.start();
      LOG.log(Level.DEBUG, "API server listening on " + options.bindAddress() + ":"
          + http.getAddress().getPort());
      return new ApiServer(http, requests, watches, store, owned, registries, adminToken,
          certificate);
    } catch (IOException | RuntimeException e) {
      if (requests != null) {
        requests.shutdownNow();
      }
      if (watches != null) {
        watches.shutdownNow();
      }
      closeQuietly(registries instanceof AutoCloseable c ? c : null);
      closeQuietly(owned);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot listen on " + options.bindAddress() + ":"
            + options.port() + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The admin token authenticates as a {@code system:masters} user, whom authorization never
   * refuses (upstream's {@code authorizerfactory.NewPrivilegedGroups}); every other request goes
   * to the configured layers.
   */
  private static ServerComponents withAdmin(ServerComponents components, String adminToken) {
    UserInfo admin = new UserInfo("minik8s-admin", "",
        List.of(RbacAuthorizer.MASTERS, UserInfo.AUTHENTICATED));
    String expected = "Bearer " + adminToken;
    ServerComponents.Authentication authentication = components.authentication();
    io.minik8s.apiserver.auth.authz.Authorizer authorizer = components.authorizer();
    return components
        .withAuthentication(header -> expected.equals(header == null ? null : header.trim())
            ? admin : authentication.authenticate(header))
        .withAuthorizer(attributes -> attributes.user().groups().contains(RbacAuthorizer.MASTERS)
            ? Decision.allow("") : authorizer.authorize(attributes));
  }

  private static String newToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  private static ThreadFactory threads(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }

  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, or {@code https://} when serving TLS. */
  public URI url() {
    String host = http.getAddress().getAddress().isAnyLocalAddress()
        ? "127.0.0.1" : http.getAddress().getHostString();
    return URI.create((certificate == null ? "http" : "https") + "://" + host + ":" + port());
  }

  /** The PEM of the serving certificate (its own CA), or empty when serving plain HTTP. */
  public java.util.Optional<String> certificatePem() {
    return java.util.Optional.ofNullable(certificate).map(ServingCertificate::pem);
  }

  /** A bearer token of a {@code system:masters} user, valid while this server runs. */
  public String adminToken() {
    return adminToken;
  }

  /** The store this server runs on. */
  public KeyValueStore store() {
    return store;
  }

  /** Stops serving (open watches end), then closes the layers and a store it opened. */
  @Override
  public void close() {
    http.stop(0);
    watchThreads.shutdownNow();
    requestThreads.shutdownNow();
    closeQuietly(registries instanceof AutoCloseable c ? c : null);
    closeQuietly(ownedStore);
  }

  private static void closeQuietly(AutoCloseable closeable) {
    if (closeable == null) {
      return;
    }
    try {
      closeable.close();
    } catch (Exception e) {
      LOG.log(Level.WARNING, "closing " + closeable + " failed", e);
    }
  }
}
