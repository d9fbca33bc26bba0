package io.minik8s.apiserver.apply;

import static io.minik8s.apiserver.apply.ServerSideApplyTest.deployment;
import static io.minik8s.apiserver.apply.ServerSideApplyTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The class comment's worked example: create, scale, a no-op write. */
class ManagedFieldsTest {

  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-01-01T00:05:00Z");

  final ManagedFields managedFields = new ManagedFields();

  static List<String> managers(Unstructured object) {
    List<String> managers = new ArrayList<>();
    object.metadata().path("managedFields").forEach(e -> managers.add(
        e.path("manager").asText() + " " + e.path("operation").asText() + " "
            + e.path("time").asText()));
    return managers;
  }

  static JsonNode fields(Unstructured object, String manager) {
    for (JsonNode e : object.metadata().path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e.path("fieldsV1");
      }
    }
    return null;
  }

  @Test
  @Graded(exercise = "2.8", points = 2)
  void everyWriteOwnsWhatItChanged() {
    Unstructured created = Unstructured.of(deployment(1, "{'app':'web'}", "web:1"));
    managedFields.recordUpdate(null, created, "kubectl-create", T0);

    assertThat(managers(created)).containsExactly("kubectl-create Update 2025-01-01T00:00:00Z");
    assertThat((Object) fields(created, "kubectl-create")).as("a create owns every field it set")
        .isEqualTo(json("{'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:replicas':{},"
            + "'f:template':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':"
            + "{'.':{},'f:image':{},'f:name':{}}}}}}}"));

    Unstructured scaled = created.deepCopy();
    scaled.json().with("spec").put("replicas", 3);
    managedFields.recordUpdate(created, scaled, "kubectl-scale", T1);

    assertThat(managers(scaled)).containsExactly("kubectl-create Update 2025-01-01T00:00:00Z",
        "kubectl-scale Update 2025-01-01T00:05:00Z");
    assertThat((Object) fields(scaled, "kubectl-scale"))
        .isEqualTo(json("{'f:spec':{'f:replicas':{}}}"));
    assertThat(fields(scaled, "kubectl-create").at("/f:spec/f:replicas").isMissingNode())
        .as("kubectl-create lost .spec.replicas to kubectl-scale").isTrue();

    Unstructured again = scaled.deepCopy();
    managedFields.recordUpdate(scaled, again, "kubectl-edit", T1);
    assertThat(managers(again)).as("a write that changes nothing records no new manager")
        .isEqualTo(managers(scaled));
  }

  @Test
  void fieldsV1RoundTrips() {
    JsonNode fieldsV1 = json("{'f:metadata':{'f:finalizers':{'v:\\'a\\'':{}}},'f:spec':"
        + "{'f:ports':{'k:{\\'port\\':80,\\'protocol\\':\\'TCP\\'}':{'.':{},'f:port':{}}}}}");
    FieldSet set = FieldSet.fromFieldsV1(fieldsV1);

    assertThat(set.paths().stream().map(FieldSet::display).toList()).containsExactly(
        ".metadata.finalizers[=\"a\"]", ".spec.ports[port=80,protocol=\"TCP\"]",
        ".spec.ports[port=80,protocol=\"TCP\"].port");
    assertThat((Object) set.toFieldsV1()).isEqualTo(fieldsV1);
  }
}
