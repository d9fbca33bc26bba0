package io.minik8s.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscoveryTest {

  final Discovery discovery = new Discovery(Scheme.builtIn());

  /** The entry named {@code name} of an APIResourceList, or fails naming what the list has. */
  static JsonNode entry(ObjectNode list, String name) {
    List<String> names = new ArrayList<>();
    for (JsonNode r : list.path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
      names.add(r.path("name").asText());
    }
    throw new AssertionError("no resource \"" + name + "\" in " + list.path("groupVersion")
        + "; the list has " + names);
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  @ParameterizedTest(name = "{0}/{1} {2}")
  @CsvSource(delimiter = '|', value = {
      // group | version | name             | kind       | namespaced | verbs                                                         | shortNames
      "''      | v1      | pods             | Pod        | true       | create delete deletecollection get list patch update watch | po",
      "''      | v1      | pods/status      | Pod        | true       | get patch update                                            | ''",
      "''      | v1      | pods/binding     | Binding    | true       | create                                                      | ''",
      "''      | v1      | nodes            | Node       | false      | create delete deletecollection get list patch update watch | no",
      "''      | v1      | namespaces       | Namespace  | false      | create delete get list patch update watch                  | ns",
      "apps    | v1      | deployments      | Deployment | true       | create delete deletecollection get list patch update watch | deploy",
      "apps    | v1      | deployments/scale| Scale      | true       | get patch update                                            | ''",
      "batch   | v1      | jobs/status      | Job        | true       | get patch update                                            | ''",
  })
  @Graded(exercise = "2.7", points = 2)
  void resourceListsDescribeEachResourceAndSubresource(String group, String version, String name,
      String kind, boolean namespaced, String verbs, String shortNames) {
    ObjectNode list = discovery.resources(group, version).orElseThrow(
        () -> new AssertionError("no APIResourceList for " + group + "/" + version));
    assertThat(list.path("kind").asText()).isEqualTo("APIResourceList");
    JsonNode r = entry(list, name);

    assertThat(r.path("kind").asText()).as("%s kind", name).isEqualTo(kind);
    assertThat(r.path("namespaced").asBoolean()).as("%s namespaced", name).isEqualTo(namespaced);
    assertThat(texts(r.path("verbs"))).as("%s verbs (sorted, as upstream lists them)", name)
        .containsExactly(verbs.split(" "));
    assertThat(texts(r.path("shortNames"))).as("%s shortNames", name)
        .isEqualTo(shortNames.isEmpty() ? List.of() : List.of(shortNames.split(" ")));
  }

  @Test
  @Graded(exercise = "2.7", points = 1)
  void workloadsAreInTheAllCategoryAndSubresourcesHaveNoSingularName() {
    ObjectNode core = discovery.resources("", "v1").orElseThrow();
    assertThat(texts(entry(core, "pods").path("categories"))).as("pods categories")
        .containsExactly("all");
    assertThat(entry(core, "pods").path("singularName").asText()).isEqualTo("pod");
    assertThat(entry(core, "configmaps").has("categories"))
        .as("configmaps are not in kubectl get all").isFalse();
    assertThat(entry(core, "pods/status").path("singularName").asText())
        .as("a subresource's singularName").isEmpty();
    ObjectNode apps = discovery.resources("apps", "v1").orElseThrow();
    JsonNode scale = entry(apps, "deployments/scale");
    assertThat(scale.path("group").asText() + "/" + scale.path("version").asText())
        .as("deployments/scale carries a kind of another group: name it").isEqualTo("autoscaling/v1");
    assertThat(entry(apps, "deployments").has("group"))
        .as("a kind of the list's own group-version needs no group field").isFalse();
  }

  @Test
  @Graded(exercise = "2.7", points = 1)
  void groupsListEveryNamedGroupWithItsPreferredVersion() {
    ObjectNode groups = discovery.groups();
    assertThat(groups.path("kind").asText()).isEqualTo("APIGroupList");
    List<String> names = new ArrayList<>();
    for (JsonNode g : groups.path("groups")) {
      names.add(g.path("name").asText());
      assertThat(g.path("preferredVersion").path("groupVersion").asText())
          .as("preferred version of %s", g.path("name")).isEqualTo(g.path("name").asText() + "/v1");
      // every listed group-version must have a non-empty resource list, or client-go gives up
      assertThat(discovery.resources(g.path("name").asText(), "v1").orElseThrow()
          .path("resources").size()).as("resources of %s/v1", g.path("name")).isPositive();
    }
    assertThat(names).contains("apps", "batch", "coordination.k8s.io", "authorization.k8s.io")
        .doesNotContain("");
    assertThat(texts(discovery.coreVersions().path("versions"))).containsExactly("v1");
    assertThat(discovery.resources("apps", "v2")).as("a group-version nobody serves").isEmpty();
  }
}
