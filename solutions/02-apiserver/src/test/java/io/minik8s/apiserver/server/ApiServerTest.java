package io.minik8s.apiserver.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.store.EmbeddedStore;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole server as {@link ApiServer#start} wires it (every layer real), over HTTP: the flows
 * that cross layers, which the per-layer tests cannot show.
 */
class ApiServerTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiServer server;
  private HttpClient client = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private void start(ApiServerOptions.Builder options) {
    // a fixed clock: timestamps and token lifetimes never depend on when the test runs
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
    server = ApiServer.start(options.store(EmbeddedStore.inMemory(clock)).clock(clock)
        .randomSeed(7L).requestThreads(4).build());
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(5))
        .header("Authorization", "Bearer " + server.adminToken())
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void theSystemNamespacesExistAtStartAndAreActive() throws Exception {
    start(ApiServerOptions.builder());
    for (String name : SystemNamespaces.NAMES) {
      HttpResponse<String> namespace = send("GET", "/api/v1/namespaces/" + name, null);
      assertThat(namespace.statusCode()).as("GET namespace %s: %s", name, namespace.body())
          .isEqualTo(200);
      assertThat(json(namespace).at("/status/phase").asText()).as("phase of " + name)
          .isEqualTo("Active");
    }
  }

  /**
   * Deleting a namespace marks it Terminating (its spec finalizer keeps it), which stops new
   * objects in it; once /finalize clears the finalizer it is removed: the steps the namespace
   * controller of module 04 drives.
   */
  @Test
  void aNamespaceIsTerminatingUntilItsFinalizerIsRemoved() throws Exception {
    start(ApiServerOptions.builder());
    HttpResponse<String> created = send("POST", "/api/v1/namespaces",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"dev\"}}");
    assertThat(created.statusCode()).as("create: %s", created.body()).isEqualTo(201);
    assertThat(json(created).at("/spec/finalizers/0").asText()).isEqualTo("kubernetes");

    HttpResponse<String> deleting = send("DELETE", "/api/v1/namespaces/dev", null);
    assertThat(json(deleting).at("/status/phase").asText()).as("after DELETE: %s",
        deleting.body()).isEqualTo("Terminating");

    HttpResponse<String> refused = send("POST", "/api/v1/namespaces/dev/configmaps",
        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"c\"}}");
    assertThat(refused.statusCode()).as("create in a terminating namespace: %s", refused.body())
        .isEqualTo(403);

    JsonNode terminating = json(send("GET", "/api/v1/namespaces/dev", null));
    ((com.fasterxml.jackson.databind.node.ObjectNode) terminating.get("status"))
        .putArray("conditions").addObject().put("type", "NamespaceContentRemaining")
        .put("status", "True");
    HttpResponse<String> status = send("PUT", "/api/v1/namespaces/dev/status",
        terminating.toString());
    assertThat(status.statusCode()).as("a status write while terminating keeps the namespace: %s",
        status.body()).isEqualTo(200);

    JsonNode stored = json(send("GET", "/api/v1/namespaces/dev", null));
    ((com.fasterxml.jackson.databind.node.ObjectNode) stored.get("spec")).putArray("finalizers");
    HttpResponse<String> finalized = send("PUT", "/api/v1/namespaces/dev/finalize",
        stored.toString());
    assertThat(finalized.statusCode()).as("finalize: %s", finalized.body()).isEqualTo(200);
    assertThat(send("GET", "/api/v1/namespaces/dev", null).statusCode())
        .as("GET after the last finalizer is gone").isEqualTo(404);
  }

  @Test
  void overTlsTheServerPresentsTheCertificateItHandsOut() throws Exception {
    start(ApiServerOptions.builder().tls(true).authorizationMode(ApiServerOptions.RBAC)
        .anonymousAuth(false));
    assertThat(server.url().getScheme()).isEqualTo("https");
    String pem = server.certificatePem().orElseThrow();
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("apiserver", CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, trust.getTrustManagers(), null);
    client = HttpClient.newBuilder().sslContext(tls).build();

    HttpResponse<String> pods = send("GET", "/api/v1/namespaces/default/pods", null);
    assertThat(pods.statusCode()).as("admin list over TLS: %s", pods.body()).isEqualTo(200);

    HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(
        URI.create(server.url() + "/api/v1/namespaces/default/pods")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).as("no token, anonymous off: %s", anonymous.body())
        .isEqualTo(401);

    String kubeconfig = Kubeconfig.render(server.url(), server.adminToken(),
        server.certificatePem());
    assertThat(kubeconfig).contains("server: " + server.url(), "certificate-authority-data: ",
        "token: " + server.adminToken());
  }

  /**
   * {@code kubectl create token default}: the TokenRequest answer is a token the server then
   * accepts as the ServiceAccount's user, whom RBAC refuses by name until a role is bound.
   */
  @Test
  void aServiceAccountTokenFromTokenRequestAuthenticatesAsTheAccount() throws Exception {
    start(ApiServerOptions.builder().authorizationMode(ApiServerOptions.RBAC));
    HttpResponse<String> issued = send("POST",
        "/api/v1/namespaces/default/serviceaccounts/default/token",
        "{\"apiVersion\":\"authentication.k8s.io/v1\",\"kind\":\"TokenRequest\","
            + "\"spec\":{\"expirationSeconds\":3600}}");
    assertThat(issued.statusCode()).as("TokenRequest: %s", issued.body()).isEqualTo(201);
    String token = json(issued).at("/status/token").asText();
    assertThat(token).as("status.token").isNotEmpty();

    HttpResponse<String> asAccount = client.send(HttpRequest.newBuilder(
            URI.create(server.url() + "/api/v1/namespaces/default/secrets"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(asAccount.statusCode()).as("list secrets as the account: %s", asAccount.body())
        .isEqualTo(403);
    assertThat(json(asAccount).path("message").asText()).contains(
        "User \"system:serviceaccount:default:default\" cannot list resource \"secrets\"");
  }
}
