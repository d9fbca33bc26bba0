package io.minik8s.apiserver.subresource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.Scheme;
import org.junit.jupiter.api.Test;

class SubresourceHiddenTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Unstructured object(String json) {
    try {
      return Unstructured.of((ObjectNode) JSON.readTree(json));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  @Graded(exercise = "2.6", points = 2,
      hint = "A /status write takes only .status from the request (and its resourceVersion); a main write restores the stored .status, even when the stored object has none.")
  void statusRulesCoverAbsentStatusAndResourceVersion() {
    Unstructured stored = object("{\"metadata\":{\"name\":\"p\",\"resourceVersion\":\"4\","
        + "\"labels\":{\"a\":\"1\"}},\"spec\":{\"x\":1}}");
    Unstructured update = object("{\"metadata\":{\"name\":\"p\",\"resourceVersion\":\"3\","
        + "\"labels\":{\"a\":\"2\"}},\"spec\":{\"x\":2},\"status\":{\"phase\":\"Running\"}}");

    Unstructured status = StatusSubresource.statusUpdate(stored, update);
    assertThat(status.at("status.phase").asText()).as("status written").isEqualTo("Running");
    assertThat(status.at("spec.x").asInt()).as("spec kept").isEqualTo(1);
    assertThat(status.labels()).as("labels kept by a status write").containsEntry("a", "1");
    assertThat(status.resourceVersion()).as("the request's resourceVersion, for conflicts").isEqualTo("3");

    Unstructured main = StatusSubresource.keepStatus(Scheme.builtIn().resolve("pods"), stored,
        update.deepCopy());
    assertThat(main.json().has("status")).as("a stored object without status keeps none").isFalse();
    assertThat(main.at("spec.x").asInt()).isEqualTo(2);
  }

  @Test
  @Graded(exercise = "2.6", points = 2,
      hint = "Scale: spec.replicas must be a non-negative integer (422 otherwise); a Scale for another name is 400; its resourceVersion becomes the object's.")
  void scaleWritesAreChecked() {
    Unstructured rs = object("{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        + "\"metadata\":{\"name\":\"r\",\"resourceVersion\":\"9\"},\"spec\":{\"replicas\":1}}");
    ObjectNode scale = (ObjectNode) object("{\"metadata\":{\"name\":\"r\",\"resourceVersion\":\"8\"},"
        + "\"spec\":{\"replicas\":4}}").json();
    Unstructured scaled = ScaleSubresource.applyScale(rs.deepCopy(), scale);
    assertThat(scaled.at("spec.replicas").asInt()).isEqualTo(4);
    assertThat(scaled.resourceVersion()).as("the Scale's resourceVersion").isEqualTo("8");
    assertThat(ScaleSubresource.toScale(rs).at("/status/replicas").asInt())
        .as("status.replicas of an object without status").isEqualTo(0);

    ObjectNode other = scale.deepCopy();
    ((ObjectNode) other.get("metadata")).put("name", "q");
    assertThatThrownBy(() -> ScaleSubresource.applyScale(rs.deepCopy(), other))
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).code()).isEqualTo(400);
    ObjectNode text = scale.deepCopy();
    ((ObjectNode) text.get("spec")).put("replicas", "4");
    assertThatThrownBy(() -> ScaleSubresource.applyScale(rs.deepCopy(), text))
        .as("replicas as a string")
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).code()).isEqualTo(422);
  }

  @Test
  @Graded(exercise = "2.6", points = 2,
      hint = "Binding refuses a pod that is being deleted (409) and copies the Binding's annotations onto the pod.")
  void bindingRefusesTerminatingPodsAndCopiesAnnotations() {
    ObjectNode binding = (ObjectNode) object("{\"metadata\":{\"name\":\"p\",\"annotations\":"
        + "{\"scheduled-by\":\"s1\"}},\"target\":{\"kind\":\"Node\",\"name\":\"n2\"}}").json();
    Unstructured bound = PodBinding.bind(object("{\"metadata\":{\"name\":\"p\"},\"spec\":{}}"), binding);
    assertThat(bound.annotations()).containsEntry("scheduled-by", "s1");
    assertThat(bound.at("spec.nodeName").asText()).isEqualTo("n2");

    Unstructured terminating = object("{\"metadata\":{\"name\":\"p\","
        + "\"deletionTimestamp\":\"2024-01-01T00:00:00Z\"},\"spec\":{}}");
    assertThatThrownBy(() -> PodBinding.bind(terminating, binding))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("is being deleted")
        .extracting(e -> ((ApiException) e).code()).isEqualTo(409);
  }

  @Test
  @Graded(exercise = "2.6", points = 1,
      hint = "Scaling to 0 is allowed (only negative counts are invalid), and a Scale without a resourceVersion leaves the object's own.")
  void scaleToZeroWithoutAResourceVersion() {
    Unstructured rs = object("{\"apiVersion\":\"apps/v1\",\"kind\":\"ReplicaSet\","
        + "\"metadata\":{\"name\":\"r\",\"resourceVersion\":\"9\"},\"spec\":{\"replicas\":3}}");
    ObjectNode zero = (ObjectNode) object("{\"metadata\":{\"name\":\"r\"},\"spec\":{\"replicas\":0}}").json();
    Unstructured scaled = ScaleSubresource.applyScale(rs, zero);
    assertThat(scaled.at("spec.replicas").asInt()).as("replicas after scaling to 0").isZero();
    assertThat(scaled.resourceVersion()).as("resourceVersion after a Scale that carries none").isEqualTo("9");
  }

  @Test
  @Graded(exercise = "2.6", points = 1,
      hint = "Binding sets PodScheduled True: it replaces an earlier PodScheduled condition (wherever it is in the list) and keeps the others.")
  void bindingReplacesAnEarlierPodScheduledCondition() {
    ObjectNode binding = (ObjectNode) object("{\"metadata\":{\"name\":\"p\"},"
        + "\"target\":{\"kind\":\"Node\",\"name\":\"n1\"}}").json();
    Unstructured pod = object("{\"metadata\":{\"name\":\"p\"},\"spec\":{},\"status\":{\"conditions\":["
        + "{\"type\":\"PodScheduled\",\"status\":\"False\",\"reason\":\"Unschedulable\"},"
        + "{\"type\":\"Initialized\",\"status\":\"True\"}]}}");
    Unstructured bound = PodBinding.bind(pod, binding);
    StringBuilder seen = new StringBuilder();
    bound.json().path("status").path("conditions").forEach(c ->
        seen.append(c.path("type").asText()).append('=').append(c.path("status").asText()).append(' '));
    assertThat(seen.toString().strip()).as("conditions after binding a pod that was unschedulable")
        .isEqualTo("Initialized=True PodScheduled=True");
  }
}
