package io.minik8s.client.config;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The configuration of a client running in a pod, as client-go's {@code rest.InClusterConfig}:
 * the API server is the {@code kubernetes} Service, whose address the kubelet puts in the
 * environment ({@code KUBERNETES_SERVICE_HOST}, {@code KUBERNETES_SERVICE_PORT}); who the pod is
 * comes from its ServiceAccount's files, mounted at {@value #SERVICE_ACCOUNT_DIR}:
 * {@code token} (the bearer token), {@code ca.crt} (the CA of the server's certificate) and
 * {@code namespace} (the pod's namespace, the default for requests).
 *
 * <p>Upstream: k8s.io/client-go/rest/config.go ({@code InClusterConfig}) and
 * k8s.io/client-go/tools/clientcmd/client_config.go ({@code inClusterClientConfig.Namespace}).
 */
public final class InClusterConfig {

  public static final String SERVICE_ACCOUNT_DIR = "/var/run/secrets/kubernetes.io/serviceaccount";
  public static final String HOST_ENV = "KUBERNETES_SERVICE_HOST";
  public static final String PORT_ENV = "KUBERNETES_SERVICE_PORT";

  private InClusterConfig() {}

  /** From this process' environment and the standard service account directory. */
  public static ClientConfig load() {
    return load(System.getenv(), Path.of(SERVICE_ACCOUNT_DIR));
  }

  /**
   * From {@code env} and the files in {@code dir} (injectable for tests).
   *
   * @throws ConfigException if the environment has no service address (not in a cluster) or the
   *     token cannot be read
   */
  public static ClientConfig load(Map<String, String> env, Path dir) {
    // BEGIN EXERCISE 3.1 — read the in-cluster config: service env, then the account's files
    String host = env.getOrDefault(HOST_ENV, "");
    String port = env.getOrDefault(PORT_ENV, "");
    if (host.isEmpty() || port.isEmpty()) {
      throw new ConfigException("unable to load in-cluster configuration: " + HOST_ENV + " and "
          + PORT_ENV + " must be defined");
    }
    String token = read(dir.resolve("token"));
    if (token == null || token.isBlank()) {
      throw new ConfigException("unable to load in-cluster configuration: cannot read the token "
          + dir.resolve("token"));
    }
    String hostPort = host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    String namespace = read(dir.resolve("namespace"));
    return new ClientConfig(URI.create("https://" + hostPort), token.strip(),
        namespace == null ? null : namespace.strip(), read(dir.resolve("ca.crt")), false, null);
    // END EXERCISE 3.1
  }

  /** The file's text, or null if it cannot be read (a missing CA or namespace is not fatal). */
  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
  }
}
