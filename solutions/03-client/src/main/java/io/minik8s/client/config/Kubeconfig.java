package io.minik8s.client.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Reads a kubeconfig file into a {@link ClientConfig}, as kubectl and client-go's {@code
 * clientcmd} do:
 *
 * <pre>
 * clusters:  - name: c   cluster: {server, certificate-authority-data | certificate-authority,
 *                                  insecure-skip-tls-verify}
 * users:     - name: u   user: {token | tokenFile}
 * contexts:  - name: x   context: {cluster: c, user: u, namespace: ns}
 * current-context: x     (or --context x)
 * </pre>
 *
 * The context picks one cluster (where) and one user (who); the namespace is the default for
 * namespaced requests. Relative file paths are resolved against the kubeconfig's directory, as
 * upstream's {@code ResolveLocalPaths} does. Client certificates and exec plugins are not
 * supported: the course authenticates with bearer tokens only.
 *
 * <p>Every error is one {@link ConfigException} sentence naming the file and what is missing.
 * Upstream: k8s.io/client-go/tools/clientcmd ({@code loader.go}, {@code validation.go}).
 */
public final class Kubeconfig {

  private static final YAMLMapper YAML = new YAMLMapper();

  private Kubeconfig() {}

  /** Reads {@code file} with its {@code current-context}. */
  public static ClientConfig load(Path file) {
    return load(file, null);
  }

  /**
   * Reads {@code file} with {@code context} ({@code --context}), or its {@code current-context}
   * when {@code context} is null or empty.
   *
   * @throws ConfigException naming the file and what is wrong
   */
  public static ClientConfig load(Path file, String context) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException("kubeconfig " + file + " does not exist", e);
    } catch (IOException e) {
      throw new ConfigException("cannot read kubeconfig " + file + ": " + e.getMessage(), e);
    }
    return parse(yaml, file, context);
  }

  /**
   * Reads kubeconfig text; {@code file} names it in errors and anchors relative paths.
   *
   * @throws ConfigException naming the file and what is wrong
   */
  public static ClientConfig parse(String yaml, Path file, String context) {
    JsonNode root = readYaml(yaml, file);
    // BEGIN EXERCISE 3.1 — read a kubeconfig into a client config: context, then cluster and user
    String contextName = context != null && !context.isEmpty()
        ? context : root.path("current-context").asText("");
    if (contextName.isEmpty()) {
      throw new ConfigException("kubeconfig " + file
          + " sets no current-context: set one or pass --context");
    }
    JsonNode ctx = named(root, "contexts", contextName, file).path("context");
    String clusterName = ctx.path("cluster").asText("");
    if (clusterName.isEmpty()) {
      throw new ConfigException("kubeconfig " + file + ": context \"" + contextName
          + "\" names no cluster");
    }
    JsonNode cluster = named(root, "clusters", clusterName, file).path("cluster");
    URI server = server(cluster, clusterName, file);

    String token = null;
    String userName = ctx.path("user").asText("");
    if (!userName.isEmpty()) { // no user: anonymous requests
      JsonNode user = named(root, "users", userName, file).path("user");
      token = user.path("token").asText("");
      if (token.isEmpty() && !user.path("tokenFile").asText("").isEmpty()) {
        token = readFile(file, user.path("tokenFile").asText(), "tokenFile of user \""
            + userName + "\"").strip();
      }
      token = token.isEmpty() ? null : token;
    }
    return new ClientConfig(server, token, ctx.path("namespace").asText(null),
        certificateAuthority(cluster, clusterName, file),
        cluster.path("insecure-skip-tls-verify").asBoolean(false), null);
    // END EXERCISE 3.1
  }

  private static JsonNode readYaml(String yaml, Path file) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (IOException e) {
      String problem = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
      throw new ConfigException("kubeconfig " + file + " is not valid YAML: " + problem, e);
    }
    if (root == null || !root.isObject()) {
      throw new ConfigException("kubeconfig " + file
          + " is not a kubeconfig: expected a mapping with clusters, users and contexts");
    }
    return root;
  }

  /**
   * The entry of {@code section} ({@code clusters}, {@code users}, {@code contexts}) named
   * {@code name}.
   *
   * @throws ConfigException naming the file, the missing entry and the names it has
   */
  static JsonNode named(JsonNode root, String section, String name, Path file) {
    List<String> names = new ArrayList<>();
    for (JsonNode entry : root.path(section)) {
      if (name.equals(entry.path("name").asText())) {
        return entry;
      }
      names.add(entry.path("name").asText());
    }
    String singular = section.substring(0, section.length() - 1);
    throw new ConfigException("kubeconfig " + file + " has no " + singular + " \"" + name + "\""
        + (names.isEmpty() ? " (it lists no " + section + ")" : " (it has " + names + ")"));
  }

  /** {@code cluster.server}: an http or https URL. */
  private static URI server(JsonNode cluster, String clusterName, Path file) {
    String server = cluster.path("server").asText("");
    if (server.isEmpty()) {
      throw new ConfigException("kubeconfig " + file + ": cluster \"" + clusterName
          + "\" has no server");
    }
    try {
      URI uri = new URI(server);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw new URISyntaxException(server, "expected http(s)://host:port");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException("kubeconfig " + file + ": server \"" + server + "\" of cluster \""
          + clusterName + "\" is not an http(s) URL", e);
    }
  }

  /** The PEM from {@code certificate-authority-data} (base64) or {@code certificate-authority}. */
  private static String certificateAuthority(JsonNode cluster, String clusterName, Path file) {
    String data = cluster.path("certificate-authority-data").asText("");
    if (!data.isEmpty()) {
      try {
        byte[] pem = Base64.getDecoder().decode(data.replaceAll("\\s", ""));
        return new String(pem, StandardCharsets.US_ASCII);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("kubeconfig " + file
            + ": certificate-authority-data of cluster \"" + clusterName + "\" is not base64", e);
      }
    }
    String path = cluster.path("certificate-authority").asText("");
    return path.isEmpty() ? null
        : readFile(file, path, "certificate-authority of cluster \"" + clusterName + "\"");
  }

  /** Reads a file a kubeconfig names, relative to the kubeconfig's directory. */
  private static String readFile(Path kubeconfig, String path, String what) {
    Path target = Path.of(path);
    Path dir = kubeconfig.toAbsolutePath().getParent();
    if (!target.isAbsolute() && dir != null) {
      target = dir.resolve(target);
    }
    try {
      return Files.readString(target, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("kubeconfig " + kubeconfig + ": cannot read " + what + " "
          + target + (e instanceof NoSuchFileException ? ": no such file" : ": " + e.getMessage()),
          e);
    }
  }
}
