package io.minik8s.apiserver.cli;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.apiserver.server.Kubeconfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course run apiserver}: the API server's command line, like {@code kube-apiserver}.
 * Prints {@code listening on 127.0.0.1:PORT} as its first line and serves until killed. Errors
 * are one sentence on stderr; {@code -v} adds the trace.
 */
@Command(
    name = "apiserver",
    mixinStandardHelpOptions = true,
    version = "minik8s apiserver (Kubernetes API v1.33)",
    description = {
      "The Kubernetes API server on the minik8s store: REST and watch, authentication, RBAC,",
      "admission, subresources, discovery. Prints 'listening on 127.0.0.1:PORT' first."
    })
public final class ApiServerMain implements Callable<Integer> {

  @Option(names = "--port", defaultValue = "6443",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--bind-address", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bindAddress;

  @Option(names = "--store", defaultValue = "embedded", paramLabel = "embedded|URL",
      description = "'embedded' runs the store in this process; a URL (http://127.0.0.1:2379) "
          + "uses our store server or a real etcd (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "With --store embedded: keep the store's data here; without it, in memory.")
  Path dataDir;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "Static bearer tokens, one per line: token,user,uid,\"group1,group2\".")
  Path tokenFile;

  @Option(names = "--authorization-mode", defaultValue = "AlwaysAllow",
      paramLabel = "AlwaysAllow|RBAC", description = "Who may do what (default: ${DEFAULT-VALUE}).")
  String authorizationMode;

  @Option(names = "--anonymous-auth", defaultValue = "true", arity = "1",
      description = "Serve requests without a token as system:anonymous (default: ${DEFAULT-VALUE}).")
  boolean anonymousAuth;

  @Option(names = "--service-account-key-file", paramLabel = "FILE",
      description = "The key that signs ServiceAccount tokens; give replicas the same file "
          + "(created if missing). Default: a key made at start.")
  Path serviceAccountKeyFile;

  @Option(names = "--tls", defaultValue = "true", arity = "1",
      description = "Serve HTTPS with a self-signed certificate made at start; kubectl sends "
          + "tokens only over TLS (default: ${DEFAULT-VALUE}). false: plain HTTP.")
  boolean tls;

  @Option(names = "--kubeconfig-out", paramLabel = "FILE",
      description = "Write an admin kubeconfig for this server (for kubectl --kubeconfig FILE).")
  Path kubeconfigOut;

  @Option(names = "-v", description = "Print stack traces of errors.")
  boolean verbose;

  @Override
  public Integer call() throws Exception {
    ApiServerOptions options = ApiServerOptions.builder()
        .port(port)
        .bindAddress(bindAddress)
        .storeSpec(store)
        .dataDir(dataDir)
        .tokenFile(tokenFile)
        .authorizationMode(authorizationMode)
        .anonymousAuth(anonymousAuth)
        .tls(tls)
        .serviceAccountKeyFile(serviceAccountKeyFile)
        .build();
    ApiServer server = ApiServer.start(options);
    System.out.println("listening on " + bindAddress + ":" + server.port());
    System.out.flush();
    if (kubeconfigOut != null) {
      Kubeconfig.write(kubeconfigOut, server.url(), server.adminToken(), server.certificatePem());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "apiserver-shutdown"));
    stopped.await();
    return 0;
  }

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new ApiServerMain());
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println("apiserver: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      if (parsed.originalArgs().contains("-v")) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    System.exit(cli.execute(args));
  }
}
