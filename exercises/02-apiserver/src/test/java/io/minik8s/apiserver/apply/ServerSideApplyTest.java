package io.minik8s.apiserver.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Server-side apply on a Deployment, the story kubectl users know: {@code kubectl create}, then
 * {@code kubectl apply --server-side}, then another manager, then pruning.
 */
class ServerSideApplyTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final ResourceType DEPLOYMENTS = Scheme.builtIn().resolve("deployments");
  static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  static final Instant T1 = Instant.parse("2025-01-01T00:01:00.500Z");

  final ServerSideApply apply = new ServerSideApply();
  final ManagedFields managedFields = new ManagedFields();

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  /** A Deployment manifest with these replicas, labels and image. */
  static ObjectNode deployment(int replicas, String labels, String image) {
    return json("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'web',"
        + "'labels':" + labels + "},'spec':{'replicas':" + replicas + ",'template':{'spec':"
        + "{'containers':[{'name':'web','image':'" + image + "'}]}}}}");
  }

  static JsonNode entry(Unstructured object, String manager) {
    for (JsonNode e : object.metadata().path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e;
      }
    }
    return null;
  }

  @Test
  @Graded(exercise = "2.8", points = 3)
  void applyCreatesTheObjectAndRecordsWhatItOwnsInUpstreamsFormat() {
    Unstructured created = apply.apply(DEPLOYMENTS, null,
        deployment(3, "{'app':'web'}", "web:1"), "kubectl", false, T1);

    assertThat((Object) created.at("spec.replicas")).isEqualTo(JSON.valueToTree(3));
    assertThat(created.name()).isEqualTo("web");
    assertThat((Object) created.metadata().get("managedFields"))
        .as("managedFields after the first apply: one Apply entry, its fieldsV1 as upstream "
            + "writes it (keyed list items as k:{...} with a \".\" member)")
        .isEqualTo(JSON.createArrayNode().add(json("{'manager':'kubectl','operation':'Apply',"
            + "'apiVersion':'apps/v1','time':'2025-01-01T00:01:00Z','fieldsType':'FieldsV1',"
            + "'fieldsV1':{'f:metadata':{'f:labels':{'f:app':{}}},'f:spec':{'f:replicas':{},"
            + "'f:template':{'f:spec':{'f:containers':{'k:{\\'name\\':\\'web\\'}':"
            + "{'.':{},'f:image':{},'f:name':{}}}}}}}}")));
  }

  @Test
  @Graded(exercise = "2.8", points = 3)
  void applyAfterCreateConflictsOnTheFieldsItWouldChange() {
    Unstructured live = Unstructured.of(deployment(1, "{'app':'web'}", "web:1"));
    managedFields.recordUpdate(null, live, "kubectl-create", T0);

    assertThatThrownBy(() -> apply.apply(DEPLOYMENTS, live, deployment(3, "{'app':'web'}",
        "web:1"), "kubectl", false, T1))
        .as("apply of replicas 3 over kubectl-create's replicas 1")
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(409);
          assertThat(e.reason()).isEqualTo("Conflict");
          assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with "
              + "\"kubectl-create\" using apps/v1: .spec.replicas");
          assertThat(e.status().details().causes()).as("causes").containsExactly(
              new StatusCause("FieldManagerConflict",
                  "conflict with \"kubectl-create\" using apps/v1", ".spec.replicas"));
        });

    Unstructured same = apply.apply(DEPLOYMENTS, live, deployment(1, "{'app':'web'}", "web:1"),
        "kubectl", false, T1);
    assertThat(entry(same, "kubectl-create")).as("the same values are no conflict: "
        + "kubectl-create keeps its fields, shared with kubectl").isNotNull();
    assertThat(entry(same, "kubectl").at("/fieldsV1/f:spec/f:replicas").isObject()).isTrue();

    Unstructured forced = apply.apply(DEPLOYMENTS, live, deployment(3, "{'app':'web'}", "web:1"),
        "kubectl", true, T1);
    assertThat((Object) forced.at("spec.replicas")).isEqualTo(JSON.valueToTree(3));
    assertThat(entry(forced, "kubectl-create").at("/fieldsV1/f:spec/f:replicas").isMissingNode())
        .as("force takes .spec.replicas away from kubectl-create").isTrue();
    assertThat(entry(forced, "kubectl-create").at("/fieldsV1/f:metadata/f:labels/f:app")
        .isObject()).as("kubectl-create keeps the fields the apply did not change").isTrue();
  }

  @Test
  @Graded(exercise = "2.8", points = 2)
  void fieldsAManagerStopsApplyingAreRemovedUnlessSomeoneElseOwnsThem() {
    Unstructured first = apply.apply(DEPLOYMENTS, null,
        deployment(3, "{'app':'web','tier':'fe','team':'a'}", "web:1"), "kubectl", false, T0);
    // a second applier names tier with the same value: no conflict, it now shares tier
    Unstructured shared = apply.apply(DEPLOYMENTS, first, json("{'apiVersion':'apps/v1',"
        + "'kind':'Deployment','metadata':{'name':'web','labels':{'tier':'fe'}}}"), "other",
        false, T0);
    // and a controller adds a label of its own with an update
    Unstructured labelled = shared.deepCopy();
    labelled.setLabels(java.util.Map.of("app", "web", "tier", "fe", "team", "a", "x", "1"));
    managedFields.recordUpdate(shared, labelled, "labeller", T0);

    Unstructured second = apply.apply(DEPLOYMENTS, labelled, deployment(3, "{'app':'web'}",
        "web:1"), "kubectl", false, T1);

    assertThat(second.labels()).as("labels after kubectl applies only app: team was kubectl's "
        + "alone and is pruned, tier is shared with other, x belongs to labeller")
        .isEqualTo(java.util.Map.of("app", "web", "tier", "fe", "x", "1"));
  }

  @Test
  @Graded(exercise = "2.8", points = 1)
  void applyNeedsAFieldManager() {
    assertThatThrownBy(() -> apply.apply(DEPLOYMENTS, null, deployment(1, "{}", "w"), "", false,
        T0))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: "
              + "fieldManager: Required value: is required for apply patch");
        });
    assertThat(apply.apply(DEPLOYMENTS, null, deployment(1, "{}", "w"), "m", false, T0).name())
        .isEqualTo("web");
  }
}
