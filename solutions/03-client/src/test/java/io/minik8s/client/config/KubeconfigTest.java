package io.minik8s.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** kubeconfig YAML in, a {@link ClientConfig} out; every malformed file names what is wrong. */
class KubeconfigTest {

  static final Path FILE = Path.of("/home/u/.kube/config");

  /** Two clusters, two users, three contexts: enough to tell a lookup from a guess. */
  static final String TWO_CLUSTERS = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: prod
        cluster:
          server: https://10.0.0.1:6443
          certificate-authority-data: %s
      - name: lab
        cluster:
          server: http://127.0.0.1:8080
          insecure-skip-tls-verify: true
      users:
      - name: admin
        user:
          token: admin-token
      - name: dev
        user:
          token: dev-token
      contexts:
      - name: prod-admin
        context: {cluster: prod, user: admin, namespace: ops}
      - name: lab-dev
        context: {cluster: lab, user: dev}
      - name: lab-anonymous
        context: {cluster: lab}
      current-context: prod-admin
      """.formatted(Base64.getEncoder().encodeToString("PEM-OF-PROD".getBytes()));

  @Test
  @Graded(exercise = "3.1", points = 1)
  void theCurrentContextPicksClusterUserAndNamespace() {
    ClientConfig config = Kubeconfig.parse(TWO_CLUSTERS, FILE, null);
    assertThat(config.server()).as("server of cluster prod").isEqualTo(URI.create("https://10.0.0.1:6443"));
    assertThat(config.bearerToken()).as("token of user admin").isEqualTo("admin-token");
    assertThat(config.namespace()).as("namespace of context prod-admin").isEqualTo("ops");
    assertThat(config.caCertificatePem()).as("certificate-authority-data, base64-decoded")
        .isEqualTo("PEM-OF-PROD");
    assertThat(config.insecureSkipTlsVerify()).isFalse();
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void theContextOverrideWinsOverCurrentContext() {
    ClientConfig lab = Kubeconfig.parse(TWO_CLUSTERS, FILE, "lab-dev");
    assertThat(lab.server()).as("--context lab-dev: server of cluster lab")
        .isEqualTo(URI.create("http://127.0.0.1:8080"));
    assertThat(lab.bearerToken()).as("token of user dev").isEqualTo("dev-token");
    assertThat(lab.namespace()).as("no namespace in the context: default").isEqualTo("default");
    assertThat(lab.insecureSkipTlsVerify()).as("insecure-skip-tls-verify of lab").isTrue();
    assertThat(lab.caCertificatePem()).isNull();

    assertThat(Kubeconfig.parse(TWO_CLUSTERS, FILE, "lab-anonymous").bearerToken())
        .as("a context without a user sends no token").isNull();
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("not YAML", "clusters: [oops", null, "is not valid YAML"),
        Arguments.of("no current-context", TWO_CLUSTERS.replace("current-context: prod-admin", ""),
            null, "sets no current-context"),
        Arguments.of("--context names a missing context", TWO_CLUSTERS, "staging",
            "has no context \"staging\""),
        Arguments.of("context names a missing cluster",
            TWO_CLUSTERS.replace("{cluster: lab, user: dev}", "{cluster: gone, user: dev}"),
            "lab-dev", "has no cluster \"gone\""),
        Arguments.of("context names no cluster",
            TWO_CLUSTERS.replace("{cluster: lab, user: dev}", "{user: dev}"), "lab-dev",
            "context \"lab-dev\" names no cluster"),
        Arguments.of("cluster without server",
            TWO_CLUSTERS.replace("server: http://127.0.0.1:8080", "proxy-url: x"), "lab-dev",
            "cluster \"lab\" has no server"),
        Arguments.of("server is not a URL",
            TWO_CLUSTERS.replace("http://127.0.0.1:8080", "127.0.0.1:8080"), "lab-dev",
            "is not an http(s) URL"),
        Arguments.of("context names a missing user",
            TWO_CLUSTERS.replace("{cluster: lab, user: dev}", "{cluster: lab, user: eve}"),
            "lab-dev", "has no user \"eve\""),
        Arguments.of("certificate-authority-data is not base64",
            TWO_CLUSTERS.replaceFirst("certificate-authority-data: \\S+",
                "certificate-authority-data: '%%%'"), null, "is not base64"),
        Arguments.of("tokenFile does not exist",
            TWO_CLUSTERS.replace("token: dev-token", "tokenFile: /nonexistent/token"), "lab-dev",
            "cannot read tokenFile of user \"dev\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  @Graded(exercise = "3.1", points = 1)
  void aMalformedKubeconfigIsOneSentenceNamingTheFile(String name, String yaml, String context,
      String expected) {
    assertThatThrownBy(() -> Kubeconfig.parse(yaml, FILE, context))
        .as(name)
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(FILE.toString())
        .hasMessageContaining(expected);
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void inClusterConfigReadsTheServiceEnvironmentAndAccountFiles(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("token"), "sa-token\n");
    Files.writeString(dir.resolve("ca.crt"), "PEM-OF-CLUSTER");
    Files.writeString(dir.resolve("namespace"), "team-a");
    ClientConfig config = InClusterConfig.load(Map.of(
        "KUBERNETES_SERVICE_HOST", "10.96.0.1", "KUBERNETES_SERVICE_PORT", "443"), dir);
    assertThat(config.server()).isEqualTo(URI.create("https://10.96.0.1:443"));
    assertThat(config.bearerToken()).isEqualTo("sa-token");
    assertThat(config.caCertificatePem()).isEqualTo("PEM-OF-CLUSTER");
    assertThat(config.namespace()).as("the pod's namespace file").isEqualTo("team-a");

    assertThatThrownBy(() -> InClusterConfig.load(Map.of(), dir))
        .as("outside a pod: no KUBERNETES_SERVICE_HOST")
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("KUBERNETES_SERVICE_HOST");
  }

  @Test
  void loadNamesAMissingFile(@TempDir Path dir) {
    assertThatThrownBy(() -> Kubeconfig.load(dir.resolve("nope")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("nope").hasMessageContaining("does not exist");
  }

}
