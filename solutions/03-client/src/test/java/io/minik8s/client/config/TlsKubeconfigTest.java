package io.minik8s.client.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.store.EmbeddedStore;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Module 02's {@code --kubeconfig-out} file, read by this module's loader, reaches the server
 * over HTTPS: the server's self-signed certificate is the kubeconfig's certificate authority.
 * (The server starts once per class: making its certificate runs keytool, which takes seconds.)
 */
class TlsKubeconfigTest {

  static ApiServer server;
  static Path dir;

  @BeforeAll
  static void start() throws Exception {
    server = ApiServer.start(ApiServerOptions.builder()
        .store(EmbeddedStore.inMemory(Clock.systemUTC())).requestThreads(2).tls(true)
        .anonymousAuth(false).authorizationMode(ApiServerOptions.RBAC).build());
    dir = Files.createTempDirectory("tls-kubeconfig");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void aKubeconfigRenderedByTheApiServerReachesItOverTls() throws Exception {
    Path file = dir.resolve("admin.kubeconfig");
    io.minik8s.apiserver.server.Kubeconfig.write(file, server.url(), server.adminToken(),
        server.certificatePem());

    ClientConfig config = Kubeconfig.load(file);
    assertThat(config.server()).isEqualTo(server.url());
    assertThat(config.caCertificatePem()).as("certificate-authority-data decoded to the PEM")
        .isEqualTo(server.certificatePem().orElseThrow());
    RestKubeClient client = new RestKubeClient(config);
    assertThat(client.resource(Pod.class).list("default", ListOptions.ALL).items())
        .as("admin list over TLS, trusting the kubeconfig's CA").isEmpty();
  }

  @Test
  void withoutTheCaTheCertificateIsRefusedAndInsecureModeSkipsTheCheck() {
    RestKubeClient untrusting = new RestKubeClient(ClientConfig.of(server.url(),
        server.adminToken()));
    assertThatThrownBy(() -> untrusting.resource(Pod.class).list("default", ListOptions.ALL))
        .as("without the CA the self-signed certificate is refused")
        .isInstanceOf(UncheckedIOException.class);

    RestKubeClient insecure = new RestKubeClient(new ClientConfig(server.url(),
        server.adminToken(), null, null, true, null));
    assertThat(insecure.resource(Pod.class).list("default", ListOptions.ALL).items())
        .as("insecure-skip-tls-verify trusts any certificate").isEmpty();
  }
}
