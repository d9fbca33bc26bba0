package io.minik8s.apiserver.server;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An admin kubeconfig for a running server: one cluster, one user with a bearer token, one
 * context, as {@code kubectl config view} prints it. kubectl and every client of this course
 * read it with {@code --kubeconfig FILE}.
 */
public final class Kubeconfig {

  /** The name of the cluster, user and context in the file. */
  public static final String NAME = "minik8s";

  private Kubeconfig() {}

  /**
   * The kubeconfig YAML for {@code server} and {@code token}; an https server's certificate
   * (PEM) goes in as {@code certificate-authority-data}.
   */
  public static String render(URI server, String token, Optional<String> certificatePem) {
    String authority = certificatePem
        .map(pem -> "\n    certificate-authority-data: "
            + Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.US_ASCII)))
        .orElse("");
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: %1$s
          cluster:
            server: %2$s%4$s
        users:
        - name: %1$s-admin
          user:
            token: %3$s
        contexts:
        - name: %1$s
          context:
            cluster: %1$s
            user: %1$s-admin
            namespace: default
        current-context: %1$s
        preferences: {}
        """.formatted(NAME, server, token, authority);
  }

  /** Writes it to {@code file}, readable by its owner only where the file system allows. */
  public static void write(Path file, URI server, String token, Optional<String> certificatePem)
      throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, render(server, token, certificatePem));
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the default permissions stay
    }
  }
}
