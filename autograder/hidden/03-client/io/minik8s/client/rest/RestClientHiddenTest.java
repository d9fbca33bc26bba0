package io.minik8s.client.rest;

import static io.minik8s.client.rest.RestTestServer.deployment;
import static io.minik8s.client.rest.RestTestServer.lease;
import static io.minik8s.client.rest.RestTestServer.node;
import static io.minik8s.client.rest.RestTestServer.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.api.ObjectList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RestClientHiddenTest {

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
  @Graded(exercise = "3.1", points = 1,
      hint = "Kinds outside the core group live under /apis/<group>/<version>, not /api/v1.")
  void deploymentsAreServedUnderApisApps() {
    ResourceClient<Deployment> deployments = client.resource(Deployment.class);
    deployments.create(deployment("hidden-web", 3));
    Deployment read = deployments.get("default", "hidden-web");
    assertThat(read.spec().replicas()).as("replicas read back via /apis/apps/v1/...").isEqualTo(3);
    assertThat(read.apiVersion()).isEqualTo("apps/v1");
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "create() must send an object to the namespace in its own metadata when it has one.")
  void leasesAreCreatedInTheirOwnNamespace() {
    ResourceClient<Lease> leases = client.resource(Lease.class);
    Lease created = leases.create(lease("hidden-node", "hidden-node"));
    assertThat(created.metadata().namespace()).isEqualTo("kube-node-lease");
    assertThat(leases.get("kube-node-lease", "hidden-node").spec().holderIdentity())
        .isEqualTo("hidden-node");
    assertThatThrownBy(() -> leases.get("default", "hidden-node"))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A null namespace in list() of a namespaced kind means all namespaces: /api/v1/pods.")
  void listWithANullNamespaceSpansAllNamespaces() {
    client.resource(Pod.class).create(pod("hidden-everywhere", "\"spread\":\"yes\""));
    client.resource(Lease.class).create(lease("hidden-l1", "x"));
    client.resource(Lease.class).create(lease("hidden-l2", "x").withMetadata(
        lease("hidden-l2", "x").metadata().withNamespace("default")));
    assertThat(names(client.resource(Lease.class).list(null, ListOptions.ALL)))
        .as("leases of every namespace").contains("hidden-l1", "hidden-l2");
    assertThat(names(client.resource(Lease.class).list("default", ListOptions.ALL)))
        .as("leases of default only").contains("hidden-l2").doesNotContain("hidden-l1");
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "An object without metadata.namespace goes to the client's default namespace; a "
          + "namespaced get with a null namespace uses it too.")
  void theConfiguredNamespaceIsTheDefault() {
    RestKubeClient inKubeSystem = new RestKubeClient(new ClientConfig(cluster.server.url(),
        cluster.server.adminToken(), "kube-system", null, false, null));
    assertThat(inKubeSystem.defaultNamespace()).isEqualTo("kube-system");
    Pod withoutNamespace = pod("hidden-defaulted").withMetadata(
        pod("hidden-defaulted").metadata().withNamespace(null));
    Pod created = inKubeSystem.resource(Pod.class).create(withoutNamespace);
    assertThat(created.metadata().namespace()).isEqualTo("kube-system");
    assertThat(inKubeSystem.resource(Pod.class).get(null, "hidden-defaulted").metadata().uid())
        .isEqualTo(created.metadata().uid());
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A cluster-scoped kind is patched at /api/v1/nodes/<name>, whatever namespace is "
          + "passed.")
  void aNodeCanBePatched() {
    ResourceClient<Node> nodes = client.resource(Node.class);
    nodes.create(node("hidden-node-p"));
    Node patched = nodes.patch("default", "hidden-node-p", PatchType.MERGE,
        "{\"metadata\":{\"labels\":{\"zone\":\"a\"}}}");
    assertThat(patched.metadata().labels()).containsEntry("zone", "a");
  }

  static Stream<Arguments> deleteBodies() {
    return Stream.of(
        Arguments.of("defaults", DeleteOptions.DEFAULT,
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\"}"),
        Arguments.of("orphan", DeleteOptions.propagation(DeleteOptions.ORPHAN),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Orphan\"}"),
        Arguments.of("grace 0", new DeleteOptions(null, 0L, null, null),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"gracePeriodSeconds\":0}"),
        Arguments.of("uid precondition", DeleteOptions.preconditionUid("u-1"),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"preconditions\":{\"uid\":\"u-1\"}}"),
        Arguments.of("everything", new DeleteOptions("Foreground", 30L, "u-2", "41"),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\",\"propagationPolicy\":\"Foreground\","
                + "\"gracePeriodSeconds\":30,\"preconditions\":{\"uid\":\"u-2\","
                + "\"resourceVersion\":\"41\"}}"),
        Arguments.of("resourceVersion precondition only", new DeleteOptions(null, null, null, "9"),
            "{\"kind\":\"DeleteOptions\",\"apiVersion\":\"v1\","
                + "\"preconditions\":{\"resourceVersion\":\"9\"}}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteBodies")
  @Graded(exercise = "3.1", points = 2,
      hint = "The DeleteOptions body has kind and apiVersion; unset fields are left out; "
          + "uid and resourceVersion go inside preconditions.")
  void deleteOptionsBody(String name, DeleteOptions options, String expected) {
    JsonNode actual = Codec.fromJson(RestResourceClient.deleteBody(options), JsonNode.class);
    assertThat(actual).as("delete body for %s", name)
        .isEqualTo(Codec.fromJson(expected, JsonNode.class));
  }
}
