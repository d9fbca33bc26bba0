package io.minik8s.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Subresources over HTTP: /status, /scale, pods/binding, pods/eviction, pods/log. */
class SubresourceApiTest {

  private static final String DEPLOYMENTS = "/apis/apps/v1/namespaces/ns/deployments";
  private static final String PODS = "/api/v1/namespaces/ns/pods";

  private final TestServer api = new TestServer();

  @AfterEach
  void stop() {
    api.close();
  }

  private static String deployment(int specReplicas, int statusReplicas) {
    return """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"metadata":{"labels":{"app":"web"}},
                             "spec":{"containers":[{"name":"c","image":"nginx"}]}}},
         "status":{"replicas":%d}}""".formatted(specReplicas, statusReplicas);
  }

  private static final String POD = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web"},
       "spec":{"containers":[{"name":"c","image":"nginx"}]}}""";

  @Test
  @Graded(exercise = "2.6", points = 2)
  void statusAndSpecAreWrittenThroughTheirOwnPaths() {
    api.post(DEPLOYMENTS, deployment(3, 0));

    TestServer.Response status = api.put(DEPLOYMENTS + "/web/status", deployment(9, 2));
    assertThat(status.code()).as("PUT /status: %s", status).isEqualTo(200);
    assertThat(status.json().at("/spec/replicas").asInt()).as("spec after PUT /status").isEqualTo(3);
    assertThat(status.json().at("/status/replicas").asInt()).as("status after PUT /status").isEqualTo(2);

    TestServer.Response main = api.put(DEPLOYMENTS + "/web", deployment(5, 0));
    assertThat(main.code()).as("PUT the deployment: %s", main).isEqualTo(200);
    assertThat(main.json().at("/spec/replicas").asInt()).isEqualTo(5);
    assertThat(main.json().at("/status/replicas").asInt())
        .as("status after PUT of the deployment (must keep the stored status)").isEqualTo(2);
  }

  @Test
  @Graded(exercise = "2.6", points = 2)
  void scaleSubresourceReadsAndWritesReplicas() {
    api.post(DEPLOYMENTS, deployment(3, 1));

    TestServer.Response scale = api.get(DEPLOYMENTS + "/web/scale");
    assertThat(scale.code()).as("GET /scale: %s", scale).isEqualTo(200);
    assertThat(scale.json().path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.json().at("/status/selector").asText()).isEqualTo("app=web");

    TestServer.Response put = api.put(DEPLOYMENTS + "/web/scale",
        "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"Scale\",\"metadata\":{\"name\":\"web\"},"
            + "\"spec\":{\"replicas\":7}}");
    assertThat(put.code()).as("PUT /scale: %s", put).isEqualTo(200);
    assertThat(put.json().at("/spec/replicas").asInt()).isEqualTo(7);

    TestServer.Response patched = api.send("PATCH", DEPLOYMENTS + "/web/scale",
        "{\"spec\":{\"replicas\":2}}", MediaTypes.MERGE_PATCH);
    assertThat(patched.code()).as("PATCH /scale (kubectl scale): %s", patched).isEqualTo(200);
    assertThat(api.get(DEPLOYMENTS + "/web").json().at("/spec/replicas").asInt())
        .as("the deployment's replicas after scaling").isEqualTo(2);
  }

  @Test
  @Graded(exercise = "2.6", points = 2)
  void bindingAssignsANodeOnceThenConflicts() {
    api.post(PODS, POD);
    String binding = "{\"apiVersion\":\"v1\",\"kind\":\"Binding\",\"metadata\":{\"name\":\"web\"},"
        + "\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}}";

    TestServer.Response bound = api.post(PODS + "/web/binding", binding);
    assertThat(bound.code()).as("POST binding: %s", bound).isEqualTo(201);
    assertThat(api.get(PODS + "/web").json().at("/spec/nodeName").asText()).isEqualTo("n1");

    TestServer.Response again = api.post(PODS + "/web/binding", binding);
    assertThat(again.code()).as("binding a bound pod: %s", again).isEqualTo(409);
    assertThat(again.json().path("message").asText()).contains("is already assigned to node \"n1\"");
  }

  @Test
  @Graded(exercise = "2.6", points = 1)
  void evictionDeletesThePodAndLogsSayWhyTheyAreMissing() {
    api.post(PODS, POD);

    TestServer.Response unscheduled = api.get(PODS + "/web/log");
    assertThat(unscheduled.code()).as("log of an unscheduled pod: %s", unscheduled).isEqualTo(400);
    assertThat(unscheduled.json().path("message").asText()).contains("web");

    api.post(PODS + "/web/binding", "{\"metadata\":{\"name\":\"web\"},\"target\":{\"name\":\"n1\"}}");
    TestServer.Response noKubelet = api.get(PODS + "/web/log");
    assertThat(noKubelet.code()).as("log without a kubelet: %s", noKubelet).isEqualTo(503);
    assertThat(noKubelet.json().path("message").asText()).contains("web", "n1");

    TestServer.Response evicted = api.post(PODS + "/web/eviction",
        "{\"apiVersion\":\"policy/v1\",\"kind\":\"Eviction\",\"metadata\":{\"name\":\"web\"}}");
    assertThat(evicted.code()).as("POST eviction: %s", evicted).isEqualTo(201);
    assertThat(evicted.json().path("status").asText()).isEqualTo("Success");
    // the pod is bound to a node, so deletion is graceful: it is terminating until its kubelet
    // confirms (deletes it with grace period 0)
    TestServer.Response terminating = api.get(PODS + "/web");
    assertThat(terminating.json().at("/metadata/deletionTimestamp").asText())
        .as("deletionTimestamp of an evicted pod bound to a node: %s", terminating).isNotEmpty();
  }
}
