package io.minik8s.client.rest;

import static io.minik8s.client.rest.RestTestServer.deployment;
import static io.minik8s.client.rest.RestTestServer.lease;
import static io.minik8s.client.rest.RestTestServer.node;
import static io.minik8s.client.rest.RestTestServer.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.errors.ForbiddenException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed client against a real API server: every verb, the kinds of each scope and group,
 * and the failures a controller must tell apart (NotFound, AlreadyExists, Conflict, Forbidden).
 */
class RestKubeClientTest {

  static RestTestServer cluster;
  static RestKubeClient client;

  @BeforeAll
  static void start() {
    cluster = new RestTestServer();
    client = cluster.client;
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  static List<String> names(ObjectList<? extends KubeObject> list) {
    return list.items().stream().map(o -> o.metadata().name()).sorted().toList();
  }

  @Test
  @Graded(exercise = "3.1", points = 2)
  void podsCanBeCreatedReadListedAndDeleted() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    Pod created = pods.create(pod("crud-a"));
    assertThat(created.metadata().uid()).as("create answers the stored pod, with a uid").isNotEmpty();
    assertThat(created.metadata().resourceVersion()).as("and a resourceVersion").isNotEmpty();

    Pod read = pods.get("default", "crud-a");
    assertThat(read.metadata().uid()).as("GET /api/v1/namespaces/default/pods/crud-a")
        .isEqualTo(created.metadata().uid());
    assertThat(names(pods.list("default", ListOptions.ALL))).as("list in default")
        .contains("crud-a");

    pods.delete("default", "crud-a", DeleteOptions.DEFAULT);
    assertThatThrownBy(() -> pods.get("default", "crud-a"))
        .as("get after delete").isInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void nodesAreClusterScopedSoANamespaceArgumentIsIgnored() {
    ResourceClient<Node> nodes = client.resource(Node.class);
    Node created = nodes.create(node("node-1"));
    assertThat(created.metadata().namespace()).as("a node has no namespace").isNull();
    assertThat(nodes.get(null, "node-1").metadata().uid()).as("get node-1 (namespace null)")
        .isEqualTo(created.metadata().uid());
    assertThat(nodes.get("default", "node-1").metadata().uid())
        .as("get node-1 with namespace \"default\": nodes are cluster-scoped, the path must not "
            + "name a namespace").isEqualTo(created.metadata().uid());
    assertThat(names(nodes.list(null, ListOptions.ALL))).contains("node-1");
    nodes.delete(null, "node-1", DeleteOptions.DEFAULT);
    assertThatThrownBy(() -> nodes.get(null, "node-1")).isInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void listFiltersByLabelSelector() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    pods.create(pod("sel-web-1", "\"app\":\"sel-web\",\"tier\":\"front\""));
    pods.create(pod("sel-web-2", "\"app\":\"sel-web\",\"tier\":\"back\""));
    pods.create(pod("sel-db-1", "\"app\":\"sel-db\""));

    record Case(String selector, List<String> expected) {}
    for (Case c : List.of(
        new Case("app=sel-web", List.of("sel-web-1", "sel-web-2")),
        new Case("app=sel-web,tier!=back", List.of("sel-web-1")),
        new Case("app in (sel-web, sel-db),tier notin (front)", List.of("sel-db-1", "sel-web-2")),
        new Case("app=none", List.of()))) {
      assertThat(names(pods.list("default", ListOptions.labels(c.selector()))))
          .as("labelSelector %s (the query must be URL-encoded)", c.selector())
          .isEqualTo(c.expected());
    }
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void listPagesWithLimitAndContinue() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    for (int i = 0; i < 5; i++) {
      pods.create(pod("page-" + i, "\"set\":\"paged\""));
    }
    List<String> seen = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    String token = null;
    do {
      ObjectList<Pod> page = pods.list("default",
          ListOptions.labels("set=paged").withLimit(2, token));
      pageSizes.add(page.items().size());
      page.items().forEach(p -> seen.add(p.metadata().name()));
      token = page.metadata().continueToken();
    } while (token != null && !token.isEmpty() && pageSizes.size() < 10);
    assertThat(pageSizes).as("5 pods in pages of limit=2").containsExactly(2, 2, 1);
    assertThat(seen).as("every pod exactly once across the pages")
        .containsExactly("page-0", "page-1", "page-2", "page-3", "page-4");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void updateWithAStaleResourceVersionIsAConflict() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    Pod v1 = pods.create(pod("stale"));
    Pod v2 = pods.update(v1.withMetadata(v1.metadata().withLabels(Map.of("round", "1"))));
    assertThat(v2.metadata().labels()).as("update answers the new object").containsEntry("round", "1");
    assertThat(v2.metadata().resourceVersion()).isNotEqualTo(v1.metadata().resourceVersion());

    Pod stale = v1.withMetadata(v1.metadata().withLabels(Map.of("round", "2")));
    assertThatThrownBy(() -> pods.update(stale))
        .as("PUT with resourceVersion %s after it became %s", v1.metadata().resourceVersion(),
            v2.metadata().resourceVersion())
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("the object has been modified");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void creatingTheSameNameTwiceIsAlreadyExists() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    pods.create(pod("twice"));
    assertThatThrownBy(() -> pods.create(pod("twice")))
        .isInstanceOf(AlreadyExistsException.class)
        .hasMessageContaining("\"twice\" already exists");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void getOfAMissingObjectIsNotFoundNamingIt() {
    assertThatThrownBy(() -> client.resource(Pod.class).get("default", "ghost"))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("pods \"ghost\" not found")
        .satisfies(e -> assertThat(((NotFoundException) e).code()).isEqualTo(404));
    assertThatThrownBy(() -> client.resource(Deployment.class).get("default", "ghost"))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("deployments.apps \"ghost\" not found");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void updateStatusChangesOnlyTheStatus() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    Pod created = pods.create(pod("status-only"));
    ObjectNode tree = (ObjectNode) Codec.toTree(created);
    tree.with("metadata").with("labels").put("sneaky", "yes");
    tree.with("status").put("phase", "Running");
    Pod after = pods.updateStatus(Codec.fromTree(tree, Pod.class));

    assertThat(after.status().phase()).as("status.phase written through /status")
        .isEqualTo("Running");
    assertThat(after.metadata().labels()).as("a label change sent to /status is ignored")
        .doesNotContainKey("sneaky");
    assertThat(pods.get("default", "status-only").status().phase()).isEqualTo("Running");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void patchSendsTheContentTypeOfItsKind() {
    ResourceClient<Deployment> deployments = client.resource(Deployment.class);
    deployments.create(deployment("patched", 1));

    Deployment merged = deployments.patch("default", "patched", PatchType.MERGE,
        "{\"spec\":{\"replicas\":4}}");
    assertThat(merged.spec().replicas()).as("merge patch replicas 1 -> 4").isEqualTo(4);

    Deployment jsonPatched = deployments.patch("default", "patched", PatchType.JSON,
        "[{\"op\":\"replace\",\"path\":\"/spec/replicas\",\"value\":2},"
            + "{\"op\":\"add\",\"path\":\"/metadata/labels\",\"value\":{\"patched\":\"json\"}}]");
    assertThat(jsonPatched.spec().replicas()).as("JSON patch replicas 4 -> 2").isEqualTo(2);
    assertThat(jsonPatched.metadata().labels()).containsEntry("patched", "json");
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void deleteWithAUidPreconditionOfAnotherObjectIsAConflict() {
    ResourceClient<Pod> pods = client.resource(Pod.class);
    Pod created = pods.create(pod("precondition"));
    assertThatThrownBy(() -> pods.delete("default", "precondition",
            DeleteOptions.preconditionUid("not-" + created.metadata().uid())))
        .as("preconditions.uid must travel in the DeleteOptions body")
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("does not match the UID in record");
    assertThat(pods.get("default", "precondition").metadata().uid())
        .as("the pod survives a failed precondition").isEqualTo(created.metadata().uid());

    pods.delete("default", "precondition", DeleteOptions.preconditionUid(created.metadata().uid()));
    assertThatThrownBy(() -> pods.get("default", "precondition"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void aTokenWithoutRbacRightsIsForbidden(@TempDir Path dir) throws Exception {
    Path tokens = dir.resolve("tokens.csv");
    Files.writeString(tokens, "alice-token,alice,uid-alice\n");
    try (RestTestServer rbac = new RestTestServer(b -> b
        .authorizationMode(ApiServerOptions.RBAC).tokenFile(tokens))) {
      ResourceClient<Pod> asAlice = rbac.clientWithToken("alice-token").resource(Pod.class);
      assertThatThrownBy(() -> asAlice.list("default", ListOptions.ALL))
          .as("alice (bearer alice-token) has no role binding")
          .isInstanceOf(ForbiddenException.class)
          .hasMessageContaining("User \"alice\" cannot list resource \"pods\"");
      assertThat(rbac.client.resource(Pod.class).list("default", ListOptions.ALL).items())
          .as("the admin token may").isNotNull();
    }
  }
}
