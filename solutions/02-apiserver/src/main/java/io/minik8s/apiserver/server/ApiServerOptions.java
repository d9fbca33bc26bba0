package io.minik8s.apiserver.server;

import io.minik8s.apiserver.rest.ServerComponents;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.Scheme;
import io.minik8s.store.api.KeyValueStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Random;

/**
 * How to run an API server. Build with {@link #builder()}; every option has the default of
 * {@code ./course run apiserver} without flags.
 *
 * @param bindAddress where to listen; loopback unless a lab spreads components over hosts
 * @param port 0 picks a free port
 * @param store the store to use; null to open one from {@code storeSpec}
 * @param storeSpec {@code embedded} (in this process; durable with {@code dataDir}) or the URL of
 *     an etcd v3 JSON gateway, {@code http://127.0.0.1:2379} (our store server or real etcd)
 * @param dataDir where the embedded store keeps its log and snapshots; null: in memory
 * @param tokenFile static bearer tokens ({@code token,user,uid,"group1,group2"}); null: none
 * @param authorizationMode {@code AlwaysAllow} or {@code RBAC}
 * @param anonymousAuth whether requests without a token are served (as system:anonymous)
 * @param serviceClusterIpRange the CIDR Service ClusterIPs are allocated from
 * @param serviceNodePortRange the NodePort range, {@code 30000-32767}
 * @param clock the time every layer reads (timestamps, token expiry)
 * @param randomSeed seeds generated names and the like; null for an unpredictable seed
 * @param requestThreads how many requests are served at once (watches have their own threads)
 * @param watchTimeout how long a watch without {@code timeoutSeconds} lasts
 * @param scheme the kinds served
 * @param registries builds the storage layer on the store
 * @param components builds authentication, authorization, admission, discovery, patching...
 * @param bootstrap whether to create the system namespaces and the bootstrap RBAC roles at start
 * @param serviceAccountKeyFile the key signing ServiceAccount tokens, shared by replicas (made if
 *     missing); null: a key made at start
 * @param tls serve HTTPS with a self-signed certificate made at start (kubectl sends a bearer
 *     token only over TLS); false: plain HTTP
 */
public record ApiServerOptions(
    String bindAddress,
    int port,
    KeyValueStore store,
    String storeSpec,
    Path dataDir,
    Path tokenFile,
    String authorizationMode,
    boolean anonymousAuth,
    String serviceClusterIpRange,
    String serviceNodePortRange,
    Clock clock,
    Long randomSeed,
    int requestThreads,
    Duration watchTimeout,
    Scheme scheme,
    RegistriesFactory registries,
    ComponentsFactory components,
    boolean bootstrap,
    Path serviceAccountKeyFile,
    boolean tls) {

  public static final String ALWAYS_ALLOW = "AlwaysAllow";
  public static final String RBAC = "RBAC";

  /** Builds the storage layer: {@code StoreRegistries::new} fits. */
  @FunctionalInterface
  public interface RegistriesFactory {
    Registries create(KeyValueStore store, Scheme scheme, Clock clock, Random random);
  }

  /** Builds the other layers once storage exists. */
  @FunctionalInterface
  public interface ComponentsFactory {
    ServerComponents create(ApiServerOptions options, Registries registries, KeyValueStore store);
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.bindAddress = bindAddress;
    b.port = port;
    b.store = store;
    b.storeSpec = storeSpec;
    b.dataDir = dataDir;
    b.tokenFile = tokenFile;
    b.authorizationMode = authorizationMode;
    b.anonymousAuth = anonymousAuth;
    b.serviceClusterIpRange = serviceClusterIpRange;
    b.serviceNodePortRange = serviceNodePortRange;
    b.clock = clock;
    b.randomSeed = randomSeed;
    b.requestThreads = requestThreads;
    b.watchTimeout = watchTimeout;
    b.scheme = scheme;
    b.registries = registries;
    b.components = components;
    b.bootstrap = bootstrap;
    b.serviceAccountKeyFile = serviceAccountKeyFile;
    b.tls = tls;
    return b;
  }

  /** Options with defaults; each setter returns the builder. */
  public static final class Builder {
    private String bindAddress = "127.0.0.1";
    private int port = 0;
    private KeyValueStore store;
    private String storeSpec = "embedded";
    private Path dataDir;
    private Path tokenFile;
    private String authorizationMode = ALWAYS_ALLOW;
    private boolean anonymousAuth = true;
    private String serviceClusterIpRange = "10.96.0.0/12";
    private String serviceNodePortRange = "30000-32767";
    private Clock clock = Clock.systemUTC();
    private Long randomSeed;
    private int requestThreads = 32;
    private Duration watchTimeout = Duration.ofMinutes(30);
    private Scheme scheme = Scheme.builtIn();
    private RegistriesFactory registries = DefaultWiring::registries;
    private ComponentsFactory components = DefaultWiring::components;
    private boolean bootstrap = true;
    private Path serviceAccountKeyFile;
    private boolean tls = false;

    private Builder() {}

    public Builder bindAddress(String value) { bindAddress = value; return this; }
    public Builder port(int value) { port = value; return this; }
    public Builder store(KeyValueStore value) { store = value; return this; }
    public Builder storeSpec(String value) { storeSpec = value; return this; }
    public Builder dataDir(Path value) { dataDir = value; return this; }
    public Builder tokenFile(Path value) { tokenFile = value; return this; }
    public Builder authorizationMode(String value) { authorizationMode = value; return this; }
    public Builder anonymousAuth(boolean value) { anonymousAuth = value; return this; }
    public Builder serviceClusterIpRange(String value) { serviceClusterIpRange = value; return this; }
    public Builder serviceNodePortRange(String value) { serviceNodePortRange = value; return this; }
    public Builder clock(Clock value) { clock = value; return this; }
    public Builder randomSeed(Long value) { randomSeed = value; return this; }
    public Builder requestThreads(int value) { requestThreads = value; return this; }
    public Builder watchTimeout(Duration value) { watchTimeout = value; return this; }
    public Builder scheme(Scheme value) { scheme = value; return this; }
    public Builder registries(RegistriesFactory value) { registries = value; return this; }
    public Builder components(ComponentsFactory value) { components = value; return this; }
    public Builder bootstrap(boolean value) { bootstrap = value; return this; }
    public Builder serviceAccountKeyFile(Path value) { serviceAccountKeyFile = value; return this; }
    public Builder tls(boolean value) { tls = value; return this; }

    /** @throws IllegalArgumentException naming an option whose value cannot work */
    public ApiServerOptions build() {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--port must be between 0 and 65535, not " + port);
      }
      if (!authorizationMode.equals(ALWAYS_ALLOW) && !authorizationMode.equals(RBAC)) {
        throw new IllegalArgumentException("--authorization-mode must be AlwaysAllow or RBAC, not "
            + authorizationMode);
      }
      if (store == null && !storeSpec.equals("embedded") && !storeSpec.startsWith("http://")
          && !storeSpec.startsWith("https://")) {
        throw new IllegalArgumentException("--store must be embedded or an http:// URL of an "
            + "etcd v3 JSON gateway, not " + storeSpec);
      }
      if (dataDir != null && (store != null || !storeSpec.equals("embedded"))) {
        throw new IllegalArgumentException("--data-dir needs --store embedded: a remote store "
            + "keeps its own data");
      }
      if (requestThreads < 1) {
        throw new IllegalArgumentException("requestThreads must be at least 1");
      }
      return new ApiServerOptions(bindAddress, port, store, storeSpec, dataDir, tokenFile,
          authorizationMode, anonymousAuth, serviceClusterIpRange, serviceNodePortRange, clock,
          randomSeed, requestThreads, watchTimeout, scheme, registries, components, bootstrap,
          serviceAccountKeyFile, tls);
    }
  }
}
