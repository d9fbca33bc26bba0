package io.minik8s.apiserver.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintingHiddenTest {

  static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

  static List<String> row(String group, String plural, String json) throws Exception {
    ResourceType type = Scheme.builtIn()
        .forResource(new GroupVersionResource(group, "v1", plural)).orElseThrow();
    ObjectNode table = new TableConverter().toTable(type,
        List.of(Unstructured.of((ObjectNode) new ObjectMapper().readTree(json))), "", "", NOW);
    List<String> cells = new ArrayList<>();
    table.path("rows").path(0).path("cells").forEach(c -> cells.add(c.asText()));
    return cells;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "init container waiting | {\"initContainers\":[{\"name\":\"i\"}],\"containers\":[{\"name\":\"a\"}]} | {\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"state\":{\"running\":{}}}]} | '' | 0/1 Init:0/1",
      "init container failed | {\"initContainers\":[{\"name\":\"i\"}],\"containers\":[{\"name\":\"a\"}]} | {\"phase\":\"Pending\",\"initContainerStatuses\":[{\"name\":\"i\",\"state\":{\"terminated\":{\"exitCode\":1,\"reason\":\"Error\"}}}]} | '' | 0/1 Init:Error",
      "completed with one still running | {\"containers\":[{\"name\":\"a\"},{\"name\":\"b\"}]} | {\"phase\":\"Running\",\"conditions\":[{\"type\":\"Ready\",\"status\":\"False\"}],\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"state\":{\"running\":{}}},{\"name\":\"b\",\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]} | '' | 1/2 NotReady",
      "deleting a running pod | {\"containers\":[{\"name\":\"a\"}]} | {\"phase\":\"Running\",\"containerStatuses\":[{\"name\":\"a\",\"ready\":true,\"state\":{\"running\":{}}}]} | 2025-05-31T23:59:00Z | 1/1 Terminating",
      "deleting a succeeded pod | {\"containers\":[{\"name\":\"a\"}]} | {\"phase\":\"Succeeded\",\"containerStatuses\":[{\"name\":\"a\",\"state\":{\"terminated\":{\"exitCode\":0,\"reason\":\"Completed\"}}}]} | 2025-05-31T23:59:00Z | 0/1 Completed",
  })
  @Graded(exercise = "2.7", points = 2,
      hint = "Follow upstream printPod: init containers first (Init:i/n, Init:<reason>), then the app containers from last to first, then Completed-with-running fix-up and Terminating for pods being deleted unless they already succeeded or failed.")
  void podStatusCoversInitContainersAndDeletion(String name, String spec, String status,
      String deletionTimestamp, String expected) throws Exception {
    String deletion = deletionTimestamp.isEmpty() ? ""
        : ",\"deletionTimestamp\":\"" + deletionTimestamp + "\"";
    List<String> cells = row("", "pods", "{\"metadata\":{\"name\":\"p\",\"creationTimestamp\":"
        + "\"2025-05-31T22:00:00Z\"" + deletion + "},\"spec\":" + spec + ",\"status\":" + status
        + "}");
    assertThat(cells.get(1) + " " + cells.get(2)).as("%s: READY STATUS", name)
        .isEqualTo(expected);
    assertThat(cells.get(4)).as("%s: AGE of a pod created two hours ago", name).isEqualTo("120m");
  }

  @Test
  @Graded(exercise = "2.7", points = 1,
      hint = "AGE is HumanDuration(now - creationTimestamp): under two minutes in seconds, 2-10 minutes as XmYs, up to three hours in minutes, then hours (with minutes under 8h), days (with hours under 8d), years.")
  void agesOfOtherKindsUseTheSameHumanDuration() throws Exception {
    assertThat(row("", "namespaces", """
        {"metadata":{"name":"dev","creationTimestamp":"2025-05-31T23:57:30Z"},"status":{"phase":"Active"}}
        """)).containsExactly("dev", "Active", "2m30s");
    assertThat(row("", "configmaps", """
        {"metadata":{"name":"cfg","creationTimestamp":"2025-05-28T20:00:00Z"},"data":{"a":"1","b":"2"}}
        """)).containsExactly("cfg", "2", "3d4h");
    assertThat(row("", "nodes", """
        {"metadata":{"name":"n1","creationTimestamp":"2025-05-31T18:30:00Z",
                     "labels":{"node-role.kubernetes.io/control-plane":""}},
         "status":{"conditions":[{"type":"Ready","status":"True"}],"nodeInfo":{"kubeletVersion":"v1.33.0"}}}
        """).subList(0, 5)).containsExactly("n1", "Ready", "control-plane", "5h30m", "v1.33.0");
    assertThat(row("", "serviceaccounts", """
        {"metadata":{"name":"sa","creationTimestamp":"2023-05-01T00:00:00Z"}}
        """))
        .as("762 days (2024 is a leap year): 2y and 762-730 days").containsExactly("sa", "0", "2y32d");
  }
}
