package io.minik8s.apiserver.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TableConverterTest {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");
  static final TableConverter CONVERTER = new TableConverter();

  static ResourceType type(String group, String plural) {
    return Scheme.builtIn().forResource(new GroupVersionResource(group, "v1", plural)).orElseThrow();
  }

  static Unstructured object(String json) {
    try {
      return Unstructured.of((ObjectNode) MAPPER.readTree(json));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  /** A pod created five minutes before NOW with this spec and status (JSON object bodies). */
  static Unstructured pod(String spec, String status) {
    return object("{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\","
        + "\"namespace\":\"default\",\"creationTimestamp\":\"2025-01-01T11:55:00Z\"},"
        + "\"spec\":" + spec + ",\"status\":" + status + "}");
  }

  static List<String> cells(ObjectNode table, int row) {
    List<String> cells = new ArrayList<>();
    table.path("rows").path(row).path("cells").forEach(c -> cells.add(c.asText()));
    return cells;
  }

  static List<String> columnNames(ObjectNode table) {
    List<String> names = new ArrayList<>();
    table.path("columnDefinitions").forEach(c -> names.add(c.path("name").asText()));
    return names;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "PT0S,        0s",
      "PT-1S,       0s",
      "PT-2S,       <invalid>",
      "PT1M59S,     119s",
      "PT2M,        2m",
      "PT3M20S,     3m20s",
      "PT9M59S,     9m59s",
      "PT10M30S,    10m",
      "PT2H59M,     179m",
      "PT3H,        3h",
      "PT5H30M,     5h30m",
      "PT8H10M,     8h",
      "PT47H,       47h",
      "PT48H,       2d",
      "PT76H,       3d4h",
      "PT192H,      8d",
      "PT17520H,    2y",
      "PT17760H,    2y10d",
      "PT78840H,    9y",
  })
  @Graded(exercise = "2.7", points = 1)
  void agesAreFormattedAsKubectlPrintsThem(Duration duration, String expected) {
    assertThat(HumanDuration.format(duration)).as("HumanDuration.format(%s)", duration)
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // case | containers | status | READY | STATUS | RESTARTS
      "running and ready | [{\"name\":\"a\"},{\"name\":\"b\"}] | {\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"state\":{\"running\":{}}},{\"name\":\"b\",\"ready\":false,\"state\":{\"running\":{}}}]} | 1/2 | Running | 0",
      "pending, no status yet | [{\"name\":\"a\"}] | {\"phase\":\"Pending\"} | 0/1 | Pending | 0",
      "waiting reason wins | [{\"name\":\"a\"}] | {\"phase\":\"Pending\",\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"waiting\":{\"reason\":\"ContainerCreating\"}}}]} | 0/1 | ContainerCreating | 0",
      "crash loop with restarts | [{\"name\":\"a\"}] | {\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"restartCount\":4,\"state\":{\"waiting\":{\"reason\":\"CrashLoopBackOff\"}},\"lastState\":{\"terminated\":{\"exitCode\":1,\"finishedAt\":\"2025-01-01T11:59:30Z\"}}}]} | 0/1 | CrashLoopBackOff | 4 (30s ago)",
      "terminated without reason | [{\"name\":\"a\"}] | {\"phase\":\"Failed\",\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"terminated\":{\"exitCode\":3}}}]} | 0/1 | ExitCode:3 | 0",
      "status.reason beats phase | [{\"name\":\"a\"}] | {\"phase\":\"Failed\",\"reason\":\"Evicted\"} | 0/1 | Evicted | 0",
  })
  @Graded(exercise = "2.7", points = 2)
  void podRowsDeriveReadyStatusAndRestarts(String name, String containers, String status,
      String ready, String phase, String restarts) {
    Unstructured pod = pod("{\"containers\":" + containers + "}", status);
    ObjectNode table = CONVERTER.toTable(type("", "pods"), List.of(pod), "5", "", NOW);

    assertThat(columnNames(table)).containsExactly("Name", "Ready", "Status", "Restarts", "Age",
        "IP", "Node", "Nominated Node", "Readiness Gates");
    assertThat(cells(table, 0).subList(0, 5)).as("%s: NAME READY STATUS RESTARTS AGE", name)
        .containsExactly("p", ready, phase, restarts, "5m");
    assertThat(table.path("metadata").path("resourceVersion").asText()).isEqualTo("5");
    JsonNode object = table.path("rows").path(0).path("object");
    assertThat(object.path("kind").asText()).isEqualTo("PartialObjectMetadata");
    assertThat(object.path("metadata").path("name").asText()).isEqualTo("p");
    assertThat(object.has("spec")).as("PartialObjectMetadata has no spec").isFalse();
  }

  @Test
  @Graded(exercise = "2.7", points = 1)
  void deploymentsPrintReadyOverDesiredAndWideColumns() {
    Unstructured deployment = object("""
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","creationTimestamp":"2025-01-01T09:00:00Z"},
         "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},
                 "template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.27"}]}}},
         "status":{"readyReplicas":2,"updatedReplicas":3,"availableReplicas":2}}
        """);
    ObjectNode table = CONVERTER.toTable(type("apps", "deployments"), List.of(deployment), "", "",
        NOW);

    assertThat(columnNames(table)).containsExactly("Name", "Ready", "Up-to-date", "Available",
        "Age", "Containers", "Images", "Selector");
    assertThat(cells(table, 0)).containsExactly("web", "2/3", "3", "2", "3h", "nginx",
        "nginx:1.27", "app=web");
    assertThat(table.path("rows").path(0).path("cells").path(2).isNumber())
        .as("Up-to-date is a number cell").isTrue();
    assertThat(table.path("columnDefinitions").path(5).path("priority").asInt())
        .as("Containers is a -o wide column").isEqualTo(1);
  }
}
