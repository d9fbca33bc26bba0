package io.minik8s.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.openapi.OpenApi;
import io.minik8s.apiserver.printing.TableConverter;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.Scheme;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not graded: proves that the shapes of our discovery, OpenAPI and Table documents are what the
 * real kubectl 1.33 reads, by serving them from a throwaway HTTP server (no storage behind it)
 * and running kubectl against it. Skipped where that kubectl binary is absent (set
 * MINIK8S_KUBECTL to its path).
 */
class KubectlShapesCheckTest {

  private static final Path KUBECTL = Path.of(Optional.ofNullable(System.getenv("MINIK8S_KUBECTL"))
      .orElse("/tmp/kubectl/package/lib/layer/kubectl/kubectl"));
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

  @TempDir static Path dir;
  private static HttpServer server;
  private static final List<String> requests = new ArrayList<>();

  @BeforeAll
  static void serve() throws IOException {
    assumeTrue(Files.isExecutable(KUBECTL), "no kubectl at " + KUBECTL);
    Scheme scheme = Scheme.builtIn();
    Discovery discovery = new Discovery(scheme);
    OpenApi openApi = new OpenApi(scheme);
    TableConverter tables = new TableConverter();
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      synchronized (requests) {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
      }
      Optional<? extends JsonNode> body;
      if (path.equals("/version")) {
        body = Optional.of(discovery.version());
      } else if (path.equals("/api")) {
        body = Optional.of(discovery.coreVersions());
      } else if (path.equals("/apis")) {
        body = Optional.of(discovery.groups());
      } else if (path.equals("/openapi/v3")) {
        body = Optional.of(openApi.index());
      } else if (path.startsWith("/openapi/v3/")) {
        body = openApi.document(path);
      } else if (path.equals("/api/v1/namespaces/default/pods")) {
        body = Optional.of(tables.toTable(
            scheme.forResource(new GroupVersionResource("", "v1", "pods")).orElseThrow(),
            List.of(pod()), "7", "", NOW));
      } else if (path.equals("/api/v1")) {
        body = discovery.resources("", "v1");
      } else if (path.startsWith("/apis/") && path.split("/").length == 4) {
        String[] parts = path.split("/");
        body = discovery.resources(parts[2], parts[3]);
      } else {
        body = Optional.empty();
      }
      respond(exchange, body);
    });
    server.start();
    Files.writeString(dir.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: c, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: u, user: {}}]
        contexts: [{name: x, context: {cluster: c, user: u, namespace: default}}]
        current-context: x
        """.formatted(server.getAddress().getPort()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static Unstructured pod() throws IOException {
    return Unstructured.of((ObjectNode) MAPPER.readTree("""
        {"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"web-1","namespace":"default","creationTimestamp":"2025-01-01T11:55:00Z"},
         "spec":{"nodeName":"node-a","containers":[{"name":"web","image":"nginx"}]},
         "status":{"phase":"Running","podIP":"10.0.0.5","containerStatuses":[
           {"name":"web","ready":true,"restartCount":0,"state":{"running":{}}}]}}
        """));
  }

  private static void respond(HttpExchange exchange, Optional<? extends JsonNode> body)
      throws IOException {
    byte[] bytes = body.map(JsonNode::toString)
        .orElse("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":"
            + "\"NotFound\",\"code\":404}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(body.isPresent() ? 200 : 404, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String kubectl(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(KUBECTL.toString(),
        "--kubeconfig", dir.resolve("kubeconfig").toString(),
        "--cache-dir", dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as("kubectl %s exited %d:%n%s%nrequests: %s",
        String.join(" ", args), process.exitValue(), out, requests).isZero();
    return out;
  }

  @Test
  void apiResourcesListsEveryGroup() throws Exception {
    String out = kubectl("api-resources");
    assertThat(out).contains("pods", "po", "deployments", "deploy", "apps/v1",
        "leases", "coordination.k8s.io/v1", "selfsubjectaccessreviews");
  }

  @Test
  void explainWalksIntoContainers() throws Exception {
    String out = kubectl("explain", "pod.spec.containers");
    assertThat(out).contains("KIND:       Pod", "FIELD: containers <[]Container>", "image\t<string>",
        "ports\t<[]ContainerPort>");
  }

  @Test
  void getPrintsTheServerSideTable() throws Exception {
    assertThat(kubectl("get", "pods")).contains("NAME", "READY", "web-1", "1/1", "Running", "5m");
    assertThat(kubectl("get", "pods", "-o", "wide")).contains("10.0.0.5", "node-a");
  }

  @Test
  void createWithStrictValidationLeavesUnknownFieldsToTheServer() throws Exception {
    Path manifest = dir.resolve("pod.yaml");
    Files.writeString(manifest, """
        apiVersion: v1
        kind: Pod
        metadata: {name: p}
        spec:
          containers: [{name: c, image: nginx, securityContext: {privileged: false}}]
          notAFieldWeModel: 1
        """);
    String out = kubectl("create", "-f", manifest.toString(), "--validate=strict",
        "--dry-run=client", "-o", "name");
    assertThat(out.strip()).isEqualTo("pod/p");
  }
}
