package io.minik8s.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.grader.Graded;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The REST front door over HTTP: verbs, query options, and a Status for every mistake. */
class RestApiTest {

  private static final String PODS = "/api/v1/namespaces/default/pods";

  private TestServer api = new TestServer();

  @AfterEach
  void stop() {
    api.close();
  }

  private static String pod(String name, String namespace, String labels) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s"%s,"labels":{%s}},
         "spec":{"containers":[{"name":"c","image":"nginx"}]}}"""
        .formatted(name, namespace == null ? "" : ",\"namespace\":\"" + namespace + "\"", labels);
  }

  @Test
  @Graded(exercise = "2.2", points = 2)
  void createAnswers201AndGetAndListFindTheObject() {
    TestServer.Response created = api.post(PODS, pod("web", null, "\"app\":\"web\""));
    assertThat(created.code()).as("POST %s: %s", PODS, created).isEqualTo(201);
    assertThat(created.json().at("/metadata/namespace").asText())
        .as("create sets the namespace from the path").isEqualTo("default");

    TestServer.Response got = api.get(PODS + "/web");
    assertThat(got.code()).as("GET the created pod: %s", got).isEqualTo(200);
    assertThat(got.json().at("/metadata/name").asText()).isEqualTo("web");

    JsonNode list = api.get(PODS).json();
    assertThat(list.path("kind").asText()).as("a list's kind").isEqualTo("PodList");
    assertThat(list.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(list.at("/metadata/resourceVersion").asText()).as("list resourceVersion").isNotEmpty();
    assertThat(list.path("items")).hasSize(1);

    JsonNode all = api.get("/api/v1/pods").json();
    assertThat(all.path("items")).as("GET /api/v1/pods lists every namespace").hasSize(1);
  }

  @Test
  @Graded(exercise = "2.2", points = 2)
  void listFiltersByLabelAndFieldSelector() {
    api.post(PODS, pod("web", null, "\"app\":\"web\""));
    api.post(PODS, pod("db", null, "\"app\":\"db\""));
    api.post("/api/v1/namespaces/other/pods", pod("cache", null, "\"app\":\"web\""));

    record Case(String query, String expectedNames) {}
    for (Case c : new Case[] {
        new Case("/api/v1/pods?labelSelector=app%3Dweb", "cache,web"),
        new Case(PODS + "?labelSelector=app%3Dweb", "web"),
        new Case(PODS + "?labelSelector=app%20in%20(web,db)", "db,web"),
        new Case("/api/v1/pods?fieldSelector=metadata.namespace%3Dother", "cache"),
        new Case("/api/v1/pods?fieldSelector=metadata.name!%3Dweb", "cache,db"),
        new Case("/api/v1/pods?fieldSelector=spec.nodeName%3D", "cache,db,web"),
        new Case("/api/v1/pods?fieldSelector=metadata.name%3Dweb", "web"),
    }) {
      TestServer.Response response = api.get(c.query());
      assertThat(response.code()).as("GET %s: %s", c.query(), response).isEqualTo(200);
      java.util.List<String> names = new java.util.ArrayList<>();
      response.json().path("items").forEach(i -> names.add(i.at("/metadata/name").asText()));
      names.sort(null);
      assertThat(String.join(",", names)).as("names listed by GET %s", c.query())
          .isEqualTo(c.expectedNames());
    }
  }

  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("a body namespace that differs from the path's", "POST", PODS,
            pod("web", "other", ""), 400,
            "the namespace of the provided object does not match the namespace sent on the request"),
        Arguments.of("a body kind that is not the resource's", "POST", PODS,
            "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\"}}", 400,
            "the kind in the data (Service) does not match the expected kind (Pod)"),
        Arguments.of("a body that is not JSON", "POST", PODS, "{not json", 400,
            "the request body is not valid JSON"),
        Arguments.of("a bad label selector", "GET", PODS + "?labelSelector=app%20in%20(a", null,
            400, "invalid label selector"),
        Arguments.of("a field selector on a field pods do not have", "GET",
            PODS + "?fieldSelector=spec.foo%3Dx", null, 400, "field label not supported: spec.foo"),
        Arguments.of("a limit that is not a number", "GET", PODS + "?limit=ten", null, 400,
            "limit"),
        Arguments.of("an unknown resource", "GET", "/api/v1/namespaces/default/gizmos", null,
            404, "the server could not find the requested resource"),
        Arguments.of("a namespaced object without namespace", "GET", "/api/v1/pods/web", null,
            404, "the server could not find the requested resource"),
        Arguments.of("create on the all-namespaces path", "POST", "/api/v1/pods",
            pod("web", null, ""), 405, "does not allow this method"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRequests")
  @Graded(exercise = "2.2", points = 3)
  void malformedRequestsGetAStatusWithTheirCode(String name, String method, String path,
      String body, int code, String message) {
    TestServer.Response response = api.send(method, path, body, body == null ? null : "application/json");
    assertThat(response.code()).as("%s %s (%s): %s", method, path, name, response).isEqualTo(code);
    JsonNode status = response.json();
    assertThat(status.path("kind").asText()).as("error body kind").isEqualTo("Status");
    assertThat(status.path("code").asInt()).as("Status.code").isEqualTo(code);
    assertThat(status.path("message").asText()).as("Status.message of %s", name).contains(message);
  }

  @Test
  @Graded(exercise = "2.2", points = 2)
  void updateChecksTheNameAndKeepsWhatItSends() {
    api.post(PODS, pod("web", null, "\"app\":\"web\""));

    TestServer.Response wrongName = api.put(PODS + "/web", pod("db", null, ""));
    assertThat(wrongName.code()).as("PUT .../web with a body named db: %s", wrongName).isEqualTo(400);
    assertThat(wrongName.json().path("message").asText())
        .isEqualTo("the name of the object (db) does not match the name on the URL (web)");

    TestServer.Response updated = api.put(PODS + "/web", pod("web", null, "\"app\":\"v2\""));
    assertThat(updated.code()).as("PUT .../web: %s", updated).isEqualTo(200);
    assertThat(api.get(PODS + "/web").json().at("/metadata/labels/app").asText())
        .as("label after the update").isEqualTo("v2");
  }

  @Test
  @Graded(exercise = "2.2", points = 1)
  void patchDispatchesOnContentTypeAnd415sOthers() {
    api.post(PODS, pod("web", null, "\"app\":\"web\""));

    TestServer.Response patched = api.send("PATCH", PODS + "/web",
        "{\"metadata\":{\"labels\":{\"tier\":\"front\"}}}", MediaTypes.MERGE_PATCH);
    assertThat(patched.code()).as("merge patch: %s", patched).isEqualTo(200);
    assertThat(patched.json().at("/metadata/labels/tier").asText()).isEqualTo("front");

    TestServer.Response unsupported = api.send("PATCH", PODS + "/web", "{}", "text/plain");
    assertThat(unsupported.code()).as("PATCH with text/plain: %s", unsupported).isEqualTo(415);
    assertThat(unsupported.json().path("reason").asText()).isEqualTo("UnsupportedMediaType");
  }

  @Test
  @Graded(exercise = "2.2", points = 2)
  void deleteAndDeleteCollection() {
    api.post(PODS, pod("a", null, "\"app\":\"x\""));
    api.post(PODS, pod("b", null, "\"app\":\"x\""));
    api.post(PODS, pod("c", null, "\"app\":\"y\""));

    TestServer.Response deleted = api.send("DELETE", PODS + "/a",
        "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0}",
        "application/json");
    assertThat(deleted.code()).as("DELETE pod a: %s", deleted).isEqualTo(200);
    assertThat(api.get(PODS + "/a").code()).as("GET a deleted pod").isEqualTo(404);

    TestServer.Response collection = api.send("DELETE", PODS + "?labelSelector=app%3Dx", null, null);
    assertThat(collection.code()).as("deletecollection: %s", collection).isEqualTo(200);
    assertThat(collection.json().path("items")).as("deleted by app=x").hasSize(1);
    assertThat(api.get(PODS).json().path("items")).as("left after deletecollection").hasSize(1);

    TestServer.Response badPolicy = api.send("DELETE", PODS + "/c?propagationPolicy=Sideways",
        null, null);
    assertThat(badPolicy.code()).as("unknown propagationPolicy: %s", badPolicy).isEqualTo(400);
  }

  @Test
  @Graded(exercise = "2.2", points = 1)
  void yamlBodiesAndDryRun() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          mode: fast
        """;
    TestServer.Response dry = api.send("POST", "/api/v1/namespaces/default/configmaps?dryRun=All",
        yaml, "application/yaml");
    assertThat(dry.code()).as("dry-run create: %s", dry).isEqualTo(201);
    assertThat(api.get("/api/v1/namespaces/default/configmaps/settings").code())
        .as("a dry-run create stores nothing").isEqualTo(404);

    TestServer.Response real = api.send("POST", "/api/v1/namespaces/default/configmaps",
        yaml, "application/yaml");
    assertThat(real.code()).as("YAML create: %s", real).isEqualTo(201);
    assertThat(real.json().at("/data/mode").asText()).isEqualTo("fast");
  }

  @Test
  @Graded(exercise = "2.2", points = 1)
  void forbiddenCarriesUpstreamsMessage() {
    api.close();
    api = new TestServer(c -> c
        .withAuthentication(header -> new io.minik8s.apiserver.auth.UserInfo("alice", "",
            java.util.List.of("system:authenticated")))
        .withAuthorizer(attributes -> Decision.noOpinion("")));
    TestServer.Response list = api.get(PODS);
    assertThat(list.code()).as("list without permission: %s", list).isEqualTo(403);
    assertThat(list.json().path("message").asText()).isEqualTo("pods is forbidden: User \"alice\" "
        + "cannot list resource \"pods\" in API group \"\" in the namespace \"default\"");

    TestServer.Response node = api.get("/api/v1/nodes/n1");
    assertThat(node.json().path("message").asText()).isEqualTo("nodes \"n1\" is forbidden: "
        + "User \"alice\" cannot get resource \"nodes\" in API group \"\" at the cluster scope");
  }

  @Test
  void bodiesOverTheLimitGet413() {
    String huge = "{\"metadata\":{\"name\":\"x\"},\"data\":{\"k\":\""
        + "a".repeat((int) ApiRouter.MAX_BODY_BYTES) + "\"}}";
    TestServer.Response response = api.post("/api/v1/namespaces/default/configmaps", huge);
    assertThat(response.code()).as("a body over 3 MiB").isEqualTo(413);
  }

  @Test
  void healthEndpointsAnswerOk() {
    for (String path : new String[] {"/healthz", "/livez", "/readyz"}) {
      TestServer.Response response = api.get(path);
      assertThat(response.code()).as(path).isEqualTo(200);
      assertThat(response.text()).as(path).isEqualTo("ok");
    }
  }

  @Test
  @Graded(exercise = "2.2", points = 2)
  void watchStreamsOneEventPerLineAndTimesOut() throws Exception {
    api.post(PODS, pod("web", null, ""));
    HttpRequest request = HttpRequest.newBuilder(
            URI.create(api.server.url() + PODS + "?watch=true&timeoutSeconds=1"))
        .timeout(Duration.ofSeconds(5)).build();
    HttpResponse<InputStream> response =
        api.client.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      JsonNode first = TestServer.JSON.readTree(lines.readLine());
      assertThat(first.path("type").asText()).as("first event of a watch from \"\"").isEqualTo("ADDED");
      assertThat(first.at("/object/metadata/name").asText()).isEqualTo("web");

      api.send("PATCH", PODS + "/web", "{\"metadata\":{\"labels\":{\"a\":\"b\"}}}",
          MediaTypes.MERGE_PATCH);
      JsonNode second = TestServer.JSON.readTree(lines.readLine());
      assertThat(second.path("type").asText()).as("event after a patch").isEqualTo("MODIFIED");
      assertThat(lines.readLine()).as("the stream ends after timeoutSeconds").isNull();
    }
  }

  @Test
  @Graded(exercise = "2.2", points = 1)
  void watchFromACompactedVersionGetsAnErrorEvent() throws Exception {
    for (String name : java.util.List.of("a", "b", "c")) {
      api.post(PODS, "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + name
          + "\"},\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"nginx\"}]}}");
    }
    long newest = api.server.store().status().header().revision();
    api.server.store().compact(newest);
    TestServer.Response response = api.get(PODS + "?watch=1&resourceVersion=2&timeoutSeconds=1");
    assertThat(response.code()).as("a watch answers 200 even when too old").isEqualTo(200);
    JsonNode event = TestServer.JSON.readTree(response.text().lines().findFirst().orElseThrow());
    assertThat(event.path("type").asText()).isEqualTo("ERROR");
    assertThat(event.at("/object/code").asInt()).as("the ERROR event's Status code").isEqualTo(410);
  }
}
