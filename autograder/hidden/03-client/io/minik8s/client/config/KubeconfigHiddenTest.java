package io.minik8s.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigHiddenTest {

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "certificate-authority and tokenFile may be relative: resolve them against the "
          + "kubeconfig's own directory; strip the token's trailing newline.")
  void relativeFilesAreResolvedNextToTheKubeconfig(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("ca.pem"), "PEM-FROM-FILE");
    Files.createDirectories(dir.resolve("secrets"));
    Files.writeString(dir.resolve("secrets/token"), "file-token\n");
    Path kubeconfig = dir.resolve("config");
    Files.writeString(kubeconfig, """
        clusters:
        - name: c
          cluster: {server: "https://127.0.0.1:6443", certificate-authority: ca.pem}
        users:
        - name: u
          user: {tokenFile: secrets/token}
        contexts:
        - name: x
          context: {cluster: c, user: u, namespace: team-b}
        - name: y
          context: {cluster: c}
        current-context: y
        """);
    ClientConfig config = Kubeconfig.load(kubeconfig, "x");
    assertThat(config.caCertificatePem()).isEqualTo("PEM-FROM-FILE");
    assertThat(config.bearerToken()).isEqualTo("file-token");
    assertThat(config.namespace()).isEqualTo("team-b");
    assertThat(Kubeconfig.load(kubeconfig).bearerToken()).as("current-context y has no user")
        .isNull();
    assertThat(Kubeconfig.load(kubeconfig, "").bearerToken())
        .as("an empty --context means the current-context").isNull();
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "In a pod the server is https://HOST:PORT (brackets around an IPv6 host); the "
          + "namespace file is optional, the token is not.")
  void inClusterEdgeCases(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("token"), "t");
    ClientConfig v6 = InClusterConfig.load(Map.of(
        "KUBERNETES_SERVICE_HOST", "fd00::1", "KUBERNETES_SERVICE_PORT", "6443"), dir);
    assertThat(v6.server()).isEqualTo(URI.create("https://[fd00::1]:6443"));
    assertThat(v6.namespace()).as("no namespace file: default").isEqualTo("default");
    assertThat(v6.caCertificatePem()).as("no ca.crt: null").isNull();

    Path empty = dir.resolve("empty");
    Files.createDirectories(empty);
    assertThatThrownBy(() -> InClusterConfig.load(Map.of(
            "KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443"), empty))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("token");
    assertThatThrownBy(() -> InClusterConfig.load(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1"),
            dir))
        .as("a host without a port").isInstanceOf(ConfigException.class)
        .hasMessageContaining("KUBERNETES_SERVICE_PORT");
  }
}
