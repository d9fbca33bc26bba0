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
import java.util.ArrayList;
import java.util.List;
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

  @Test
  @Graded(exercise = "2.8", points = 1,
      hint = "remove() walks f: members, k: keyed items and v: set values; it removes the item or "
          + "value itself when the token is the last one, and leaves the object alone when a step is "
          + "missing or of the wrong shape.")
  void removeWalksIntoListItemsAndRemovesItemsAndSetValues() {
    String pod = "{'metadata':{'finalizers':['x','y']},'spec':{'containers':["
        + "{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}}";
    String a = "k:{\"name\":\"a\"}";
    String b = "k:{\"name\":\"b\"}";
    record Case(String name, List<String> path, String expected) {}
    List<Case> cases = List.of(
        new Case("the second keyed item", List.of("f:spec", "f:containers", b),
            "{'metadata':{'finalizers':['x','y']},'spec':{'containers':[{'name':'a','image':'a:1'}]}}"),
        new Case("the first keyed item", List.of("f:spec", "f:containers", a),
            "{'metadata':{'finalizers':['x','y']},'spec':{'containers':[{'name':'b','image':'b:1'}]}}"),
        new Case("a field of a keyed item", List.of("f:spec", "f:containers", a, "f:image"),
            "{'metadata':{'finalizers':['x','y']},'spec':{'containers':[{'name':'a'},"
                + "{'name':'b','image':'b:1'}]}}"),
        new Case("a set value", List.of("f:metadata", "f:finalizers", "v:\"x\""),
            "{'metadata':{'finalizers':['y']},'spec':{'containers':[{'name':'a','image':'a:1'},"
                + "{'name':'b','image':'b:1'}]}}"),
        new Case("an item that is not there", List.of("f:spec", "f:containers",
            "k:{\"name\":\"z\"}", "f:image"), pod),
        new Case("an item token on an object", List.of("f:spec", a, "f:image"), pod));
    List<String> failures = new ArrayList<>();
    for (Case c : cases) {
      ObjectNode object = j(pod);
      ServerSideApply.remove(object, c.path());
      if (!object.equals(j(c.expected()))) {
        failures.add("remove(" + c.path() + ") [" + c.name() + "] left " + object);
      }
    }
    assertThat(failures).as("removals that left the wrong object").isEmpty();
  }

  @Test
  @Graded(exercise = "2.8", points = 1,
      hint = "An Update that changes nothing keeps the time of the writer's entry; one that adds a field "
          + "or changes a value, even of a field it already owned, moves it to now.")
  void anUpdateEntrysTimeMovesOnlyWhenTheWriterChangedSomething() {
    Instant later = T.plusSeconds(60);
    Instant latest = T.plusSeconds(120);
    ManagedFields mf = new ManagedFields();
    Unstructured created = Unstructured.of(j("{'apiVersion':'apps/v1','kind':'Deployment',"
        + "'metadata':{'name':'d'},'spec':{'replicas':1}}"));
    mf.recordUpdate(null, created, "ctl", T);

    Unstructured same = created.deepCopy();
    mf.recordUpdate(created, same, "ctl", later);
    assertThat(same.metadata().path("managedFields").get(0).path("time").asText())
        .as("ctl's entry after an update by ctl that changed nothing").isEqualTo("2025-02-02T10:00:00Z");

    Unstructured labelled = same.deepCopy();
    labelled.setLabels(java.util.Map.of("app", "d"));
    mf.recordUpdate(same, labelled, "ctl", latest);
    assertThat(labelled.metadata().path("managedFields").get(0).path("time").asText())
        .as("ctl's entry after ctl added a label").isEqualTo("2025-02-02T10:02:00Z");

    Unstructured scaled = labelled.deepCopy();
    scaled.json().with("spec").put("replicas", 3);
    mf.recordUpdate(labelled, scaled, "ctl", latest.plusSeconds(60));
    assertThat(scaled.metadata().path("managedFields").get(0).path("time").asText())
        .as("ctl's entry after ctl changed the value of spec.replicas, a field it already owned")
        .isEqualTo("2025-02-02T10:03:00Z");
  }
}
