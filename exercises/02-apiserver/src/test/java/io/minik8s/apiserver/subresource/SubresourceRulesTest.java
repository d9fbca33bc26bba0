package io.minik8s.apiserver.subresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import org.junit.jupiter.api.Test;

/** The rules of /status, /scale and /binding, on objects, without HTTP. */
class SubresourceRulesTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Scheme SCHEME = Scheme.builtIn();
  private static final ResourceType DEPLOYMENTS = SCHEME.resolve("deployments.apps");
  private static final ResourceType CONFIGMAPS = SCHEME.resolve("configmaps");

  static Unstructured object(String json) {
    try {
      return Unstructured.of((ObjectNode) JSON.readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static Unstructured deployment(int specReplicas, int statusReplicas) {
    return object("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"ns","uid":"u1","resourceVersion":"7"},
         "spec":{"replicas":%d,"selector":{"matchLabels":{"app":"web","tier":"front"}}},
         "status":{"replicas":%d}}""".formatted(specReplicas, statusReplicas));
  }

  @Test
  @Graded(exercise = "2.6", points = 2)
  void mainResourceWritesKeepTheStoredStatusAndStatusWritesOnlyTheStatus() {
    Unstructured stored = deployment(3, 2);

    Unstructured main = StatusSubresource.keepStatus(DEPLOYMENTS, stored, deployment(5, 0));
    assertThat(main.at("spec.replicas").asInt()).as("spec after a PUT of the deployment").isEqualTo(5);
    assertThat(main.at("status.replicas").asInt())
        .as("status after a PUT of the deployment: the stored one is kept").isEqualTo(2);

    Unstructured status = StatusSubresource.statusUpdate(stored, deployment(9, 3));
    assertThat(status.at("spec.replicas").asInt())
        .as("spec after a PUT of /status: the stored one is kept").isEqualTo(3);
    assertThat(status.at("status.replicas").asInt()).as("status after a PUT of /status").isEqualTo(3);

    Unstructured configMap = object("{\"kind\":\"ConfigMap\",\"status\":{\"x\":1}}");
    assertThat(StatusSubresource.keepStatus(CONFIGMAPS, object("{}"), configMap).at("status.x").asInt())
        .as("a resource without /status keeps what the client sent").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "2.6", points = 2)
  void scaleReadsAndWritesTheReplicaCount() {
    ObjectNode scale = ScaleSubresource.toScale(deployment(3, 2));
    assertThat(scale.path("apiVersion").asText()).isEqualTo("autoscaling/v1");
    assertThat(scale.path("kind").asText()).isEqualTo("Scale");
    assertThat(scale.at("/metadata/name").asText()).isEqualTo("web");
    assertThat(scale.at("/metadata/resourceVersion").asText()).isEqualTo("7");
    assertThat(scale.at("/spec/replicas").asInt()).as("Scale spec.replicas").isEqualTo(3);
    assertThat(scale.at("/status/replicas").asInt()).as("Scale status.replicas").isEqualTo(2);
    assertThat(scale.at("/status/selector").asText())
        .as("Scale status.selector is a selector string").isEqualTo("app=web,tier=front");

    scale.with("spec").put("replicas", 10);
    Unstructured scaled = ScaleSubresource.applyScale(deployment(3, 2), scale);
    assertThat(scaled.at("spec.replicas").asInt()).as("replicas after writing the Scale").isEqualTo(10);

    scale.with("spec").put("replicas", -1);
    assertThatThrownBy(() -> ScaleSubresource.applyScale(deployment(3, 2), scale))
        .as("a negative replica count")
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("spec.replicas")
        .extracting(e -> ((ApiException) e).code()).isEqualTo(422);
  }

  @Test
  @Graded(exercise = "2.6", points = 2)
  void bindingSetsTheNodeOnceAndConflictsAfter() {
    Unstructured pod = object("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"ns"},
         "spec":{"containers":[{"name":"c","image":"nginx"}]}}""");
    ObjectNode binding = (ObjectNode) object("""
        {"apiVersion":"v1","kind":"Binding","metadata":{"name":"web"},
         "target":{"kind":"Node","name":"n1"}}""").json();

    Unstructured bound = PodBinding.bind(pod, binding);
    assertThat(bound.at("spec.nodeName").asText()).as("spec.nodeName after binding").isEqualTo("n1");
    assertThat(bound.at("status.conditions").toString()).as("conditions after binding")
        .contains("\"type\":\"PodScheduled\"", "\"status\":\"True\"");

    assertThatThrownBy(() -> PodBinding.bind(bound, binding))
        .as("binding a bound pod")
        .isInstanceOf(ApiException.class)
        .hasMessage("Operation cannot be fulfilled on pods/binding \"web\": "
            + "pod web is already assigned to node \"n1\"")
        .extracting(e -> ((ApiException) e).code()).isEqualTo(409);
  }
}
