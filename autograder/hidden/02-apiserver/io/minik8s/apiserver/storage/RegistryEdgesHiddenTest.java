package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.RegistryFixture.labeledPod;
import static io.minik8s.apiserver.storage.RegistryFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryEdgesHiddenTest {

  private final RegistryFixture fx = new RegistryFixture();
  private final ObjectRegistry pods = fx.pods();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @Graded(exercise = "2.1", points = 1, hint = "A page never holds more than limit items, even"
      + " when a later read of the store returns many matching objects at once.")
  void aFilteredPageStopsExactlyAtTheLimit() {
    // a0 does not match; a1.. a9 all do: the second read of the store brings several matches
    for (int i = 0; i < 10; i++) {
      pods.create(labeledPod("default", "a" + i, i == 0 ? "db" : "web"), false);
    }
    SelectionPredicate web = o -> "web".equals(o.labels().get("app"));
    ObjectList page = pods.list("default", new ListOptions(web, 2, "", ""));
    assertThat(page.items()).extracting(Unstructured::name).as("first page, limit 2")
        .containsExactly("a1", "a2");
    ObjectList next = pods.list("default", new ListOptions(web, 3, page.continueToken(), ""));
    assertThat(next.items()).extracting(Unstructured::name).as("next page, limit 3")
        .containsExactly("a3", "a4", "a5");
  }

  @Test
  @Graded(exercise = "2.1", points = 1, hint = "Create ignores a client's resourceVersion and"
      + " deletionTimestamp: the store never holds a resourceVersion, the answer carries the"
      + " revision of the write.")
  void createDropsClientSetResourceVersion() {
    Unstructured pod = object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p',"
        + "'namespace':'default','resourceVersion':'999','deletionTimestamp':"
        + "'2020-01-01T00:00:00Z'},'spec':{'containers':[{'name':'c','image':'nginx'}]}}");
    Unstructured created = pods.create(pod, false);
    assertThat(created.resourceVersion()).as("resourceVersion of the answer")
        .isEqualTo(Long.toString(fx.revision()));
    assertThat(created.deletionTimestamp()).as("deletionTimestamp of a new object").isEmpty();
    String stored = fx.raw("/registry/pods/default/p").value().utf8();
    assertThat(stored).as("stored JSON").doesNotContain("resourceVersion")
        .doesNotContain("999");
  }

  @Test
  @Graded(exercise = "2.1", points = 1, hint = "Removing the last finalizer of a deleted object"
      + " deletes it: in a dry run nothing is removed; otherwise the answer's resourceVersion is"
      + " the revision of the delete.")
  void lastFinalizerRemovalDryRunAndRevision() {
    ObjectRegistry configMaps = fx.registry("configmaps");
    configMaps.create(object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cfg',"
        + "'namespace':'default','finalizers':['example.com/cleanup']}}"), false);
    configMaps.delete("default", "cfg", DeleteOptions.defaults());
    long before = fx.revision();

    Unstructured dry = configMaps.update("default", "cfg", o -> {
      o.setFinalizers(List.of());
      return o;
    }, true);
    assertThat(dry).as("answer of a dry-run update removing the last finalizer").isNotNull();
    assertThat(dry.name()).isEqualTo("cfg");
    assertThat(fx.revision()).as("store revision after the dry run").isEqualTo(before);
    assertThat(fx.raw("/registry/configmaps/default/cfg")).as("object after the dry run")
        .isNotNull();

    Unstructured gone = configMaps.update("default", "cfg", o -> {
      o.setFinalizers(List.of());
      return o;
    }, false);
    assertThat(fx.raw("/registry/configmaps/default/cfg")).isNull();
    assertThat(gone.resourceVersion()).as("resourceVersion of the deleted object")
        .isEqualTo(Long.toString(fx.revision()))
        .isNotEqualTo(Long.toString(before));
  }
}
