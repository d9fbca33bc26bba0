package io.minik8s.apiserver.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.scheme.GroupVersion;
import io.minik8s.objects.scheme.GroupVersionKind;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiscoveryHiddenTest {

  static List<String> names(ObjectNode list) {
    List<String> names = new ArrayList<>();
    list.path("resources").forEach(r -> names.add(r.path("name").asText()));
    return names;
  }

  static JsonNode entry(ObjectNode list, String name) {
    for (JsonNode r : list.path("resources")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no " + name + " in " + names(list));
  }

  @Test
  @Graded(exercise = "2.7", points = 2,
      hint = "Each subresource of a ResourceType gets its own entry \"plural/sub\" with the parent's scope; its kind and verbs depend on the subresource (log is get-only, eviction and binding create-only), and extra served resources join the list of their group-version, sorted by name.")
  void customSchemeListsSubresourcesAndExtrasSortedByName() {
    ResourceType gizmo = new ResourceType(new GroupVersionKind("", "v1", "Gizmo"), "gizmos",
        "gizmo", List.of("gz"), false, Set.of("status", "log", "eviction"), Pod.class);
    ApiResource extra = new ApiResource(GroupVersion.CORE_V1, "apples", "apple", true,
        new GroupVersionKind("", "v1", "Apple"), List.of("create"), List.of(), List.of());
    Discovery discovery = new Discovery(new Scheme(List.of(gizmo)), List.of(extra));

    ObjectNode core = discovery.resources("", "v1").orElseThrow();
    assertThat(names(core)).containsExactly("apples", "gizmos", "gizmos/eviction", "gizmos/log",
        "gizmos/status");
    assertThat(entry(core, "gizmos").path("namespaced").asBoolean()).isFalse();
    assertThat(entry(core, "gizmos/log").path("namespaced").asBoolean())
        .as("a subresource has its parent's scope").isFalse();
    assertThat(entry(core, "gizmos/log").path("verbs").toString()).isEqualTo("[\"get\"]");
    assertThat(entry(core, "gizmos/log").path("kind").asText()).isEqualTo("Gizmo");
    JsonNode eviction = entry(core, "gizmos/eviction");
    assertThat(eviction.path("verbs").toString()).isEqualTo("[\"create\"]");
    assertThat(eviction.path("kind").asText() + " " + eviction.path("group").asText() + "/"
        + eviction.path("version").asText()).isEqualTo("Eviction policy/v1");
    assertThat(entry(core, "gizmos").path("shortNames").toString()).isEqualTo("[\"gz\"]");
    assertThat(discovery.groups().path("groups").size())
        .as("a scheme with only core kinds has no named groups").isZero();
  }

  @Test
  @Graded(exercise = "2.7", points = 1,
      hint = "The default Discovery serves, besides the scheme, pods/eviction in core/v1 and a create-only, cluster-scoped selfsubjectaccessreviews in authorization.k8s.io/v1.")
  void defaultDiscoveryServesEvictionAndAccessReviews() {
    Discovery discovery = new Discovery(Scheme.builtIn());
    ObjectNode core = discovery.resources("", "v1").orElseThrow();
    assertThat(names(core)).contains("pods", "pods/binding", "pods/eviction", "pods/log",
        "pods/status", "bindings");
    assertThat(entry(core, "bindings").path("verbs").toString()).isEqualTo("[\"create\"]");
    ObjectNode authz = discovery.resources("authorization.k8s.io", "v1").orElseThrow();
    JsonNode ssar = entry(authz, "selfsubjectaccessreviews");
    assertThat(ssar.path("namespaced").asBoolean()).isFalse();
    assertThat(ssar.path("verbs").toString()).isEqualTo("[\"create\"]");
    assertThat(discovery.version().path("gitVersion").asText()).startsWith("v1.33");
  }
}
