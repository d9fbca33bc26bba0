package io.minik8s.apiserver.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.Scheme;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApplyOwnershipHiddenTest {

  static final ObjectMapper M = new ObjectMapper();
  static final Instant T = Instant.parse("2025-02-02T10:00:00Z");

  static ObjectNode j(String text) {
    try {
      return (ObjectNode) M.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static JsonNode fieldsOf(Unstructured o, String manager) {
    for (JsonNode e : o.metadata().path("managedFields")) {
      if (e.path("manager").asText().equals(manager)) {
        return e.path("fieldsV1");
      }
    }
    return null;
  }

  @Test
  @Graded(exercise = "2.8", points = 2,
      hint = "set lists own each value (v:\"a\"), keyed lists own each item by all its keys "
          + "(k:{\"port\":80,\"protocol\":\"TCP\"}) plus the item's own fields")
  void setAndCompositeKeyOwnership() {
    Unstructured svc = new ServerSideApply().apply(Scheme.builtIn().resolve("services"), null,
        j("{'apiVersion':'v1','kind':'Service','metadata':{'name':'s','finalizers':['a']},"
            + "'spec':{'ports':[{'port':80,'protocol':'TCP','targetPort':8080}]}}"),
        "ctl", false, T);

    assertThat((Object) fieldsOf(svc, "ctl")).isEqualTo(j("{'f:metadata':{'f:finalizers':"
        + "{'v:\\'a\\'':{}}},'f:spec':{'f:ports':{'k:{\\'port\\':80,\\'protocol\\':\\'TCP\\'}':"
        + "{'.':{},'f:port':{},'f:protocol':{},'f:targetPort':{}}}}}"));
  }

  @Test
  @Graded(exercise = "2.8", points = 2,
      hint = "several conflicts: 'Apply failed with N conflicts: ' then per manager (sorted) "
          + "'conflicts with \"m\" using v:' and one '- path' line each, joined by newlines")
  void severalConflictsAreGroupedByManager() {
    Unstructured live = Unstructured.of(j("{'apiVersion':'apps/v1','kind':'Deployment',"
        + "'metadata':{'name':'d','labels':{'a':'1'}},'spec':{'replicas':1,'paused':false}}"));
    ManagedFields mf = new ManagedFields();
    mf.recordUpdate(null, live, "zeta", T);
    Unstructured relabelled = live.deepCopy();
    relabelled.setLabels(java.util.Map.of("a", "2"));
    mf.recordUpdate(live, relabelled, "alpha", T);

    assertThatThrownBy(() -> new ServerSideApply().apply(Scheme.builtIn().resolve("deployments"),
        relabelled, j("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d',"
            + "'labels':{'a':'3'}},'spec':{'replicas':2,'paused':true}}"), "kubectl", false, T))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(409);
          assertThat(e.getMessage()).isEqualTo("Apply failed with 3 conflicts: "
              + "conflicts with \"alpha\" using apps/v1:\n- .metadata.labels.a\n"
              + "conflicts with \"zeta\" using apps/v1:\n- .spec.paused\n- .spec.replicas");
          assertThat(e.status().details().causes()).hasSize(3);
        });

    Unstructured forced = new ServerSideApply().apply(Scheme.builtIn().resolve("deployments"),
        relabelled, j("{'apiVersion':'apps/v1','kind':'Deployment','metadata':{'name':'d',"
            + "'labels':{'a':'3'}},'spec':{'replicas':2,'paused':true}}"), "kubectl", true, T);
    assertThat(fieldsOf(forced, "alpha")).as("alpha owned only the label it lost").isNull();
    assertThat(fieldsOf(forced, "zeta")).as("zeta lost everything to the forced apply").isNull();
    assertThat(forced.labels()).containsEntry("a", "3");
  }

  @Test
  @Graded(exercise = "2.8", points = 1,
      hint = "an update that removes a field takes it away from every manager; a manager "
          + "left with no fields disappears from managedFields")
  void removedFieldsLeaveEveryManager() {
    Unstructured live = Unstructured.of(j("{'apiVersion':'v1','kind':'ConfigMap',"
        + "'metadata':{'name':'c'},'data':{'k':'v'}}"));
    ManagedFields mf = new ManagedFields();
    mf.recordUpdate(null, live, "first", T);
    Unstructured emptied = live.deepCopy();
    emptied.json().remove("data");
    mf.recordUpdate(live, emptied, "second", T);

    assertThat(emptied.metadata().has("managedFields"))
        .as("managedFields after the only field was removed: %s", emptied).isFalse();
  }
}
