package io.minik8s.apiserver.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.apiserver.request.RequestInfoResolver;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueryAndRequestHiddenTest {

  private static final ResourceType PODS = Scheme.builtIn().resolve("pods");
  private static final ResourceType NODES = Scheme.builtIn().resolve("nodes");

  private static Unstructured pod(String name, String node, String phase) {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("apiVersion", "v1").put("kind", "Pod");
    json.putObject("metadata").put("name", name).put("namespace", "ns");
    if (node != null) {
      json.putObject("spec").put("nodeName", node);
    }
    if (phase != null) {
      json.putObject("status").put("phase", phase);
    }
    return Unstructured.of(json);
  }

  @Test
  @Graded(exercise = "2.2", points = 2,
      hint = "Field selectors: =, == and != per term, terms split on commas, an absent field reads as \"\".")
  void fieldSelectorsMatchLikeUpstream() {
    record Case(String selector, Unstructured pod, boolean matches) {}
    for (Case c : List.of(
        new Case("spec.nodeName=n1", pod("a", "n1", null), true),
        new Case("spec.nodeName==n1", pod("a", "n2", null), false),
        new Case("spec.nodeName!=n1", pod("a", null, null), true),
        new Case("spec.nodeName=", pod("a", null, null), true),
        new Case("spec.nodeName=n1,status.phase=Running", pod("a", "n1", "Running"), true),
        new Case("spec.nodeName=n1,status.phase!=Running", pod("a", "n1", "Running"), false),
        new Case("metadata.name=a", pod("a", null, null), true),
        new Case("metadata.namespace!=ns", pod("a", null, null), false))) {
      FieldSelector selector = FieldSelector.parse(c.selector(), FieldLabels.allowed(PODS));
      assertThat(selector.matches(c.pod()))
          .as("field selector %s on %s", c.selector(), c.pod()).isEqualTo(c.matches());
    }
  }

  @Test
  @Graded(exercise = "2.2", points = 2,
      hint = "A term without operator and a field the resource does not allow are both 400 BadRequest, with upstream's messages.")
  void badFieldSelectorsAre400() {
    assertThatThrownBy(() -> FieldSelector.parse("status.phase=Running", FieldLabels.allowed(NODES)))
        .as("status.phase on nodes")
        .isInstanceOf(ApiException.class)
        .hasMessage("field label not supported: status.phase");
    assertThatThrownBy(() -> FieldSelector.parse("spec.nodeName", FieldLabels.allowed(PODS)))
        .as("a term without operator")
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("can't understand 'spec.nodeName'")
        .extracting(e -> ((ApiException) e).code()).isEqualTo(400);
  }

  @Test
  @Graded(exercise = "2.2", points = 2,
      hint = "List options: limit and resourceVersion must be non-negative integers, watch is true unless false/0, bad selectors are 400.")
  void listQueryParsesAndChecksEveryOption() {
    ListQuery query = ListQuery.parse(Query.parse(
        "labelSelector=app%3Dweb&limit=500&continue=abc&watch=&allowWatchBookmarks=true&timeoutSeconds=30"),
        PODS);
    assertThat(query.limit()).as("limit").isEqualTo(500);
    assertThat(query.continueToken()).as("continue").isEqualTo("abc");
    assertThat(query.watch()).as("watch= (empty) means true").isTrue();
    assertThat(query.allowWatchBookmarks()).isTrue();
    assertThat(query.timeoutSeconds()).isEqualTo(30L);
    assertThat(query.labels().matches(Map.of("app", "web"))).as("label selector app=web").isTrue();

    for (String bad : List.of("limit=-1", "limit=x", "resourceVersion=abc",
        "labelSelector=a%20in", "fieldSelector=spec.bogus%3D1",
        "continue=abc&resourceVersion=5")) {
      assertThatThrownBy(() -> ListQuery.parse(Query.parse(bad), PODS))
          .as("query %s", bad)
          .isInstanceOf(ApiException.class)
          .extracting(e -> ((ApiException) e).code()).isEqualTo(400);
    }
  }

  @Test
  @Graded(exercise = "2.2", points = 2,
      hint = "Create fills a missing namespace from the path and refuses a different one; update also refuses a different name.")
  void createAndUpdateBodiesMustFitThePath() {
    Unstructured noNamespace = pod("a", null, null);
    noNamespace.setNamespace("");
    RequestObjects.checkForCreate(PODS, "team", noNamespace);
    assertThat(noNamespace.namespace()).as("namespace filled from the path").isEqualTo("team");

    Unstructured node = Unstructured.of("v1", "Node");
    node.setName("n1");
    node.setNamespace("ns");
    RequestObjects.checkForCreate(NODES, "", node);
    assertThat(node.namespace()).as("a cluster-scoped object loses its namespace").isEmpty();

    assertThatThrownBy(() -> RequestObjects.checkForCreate(PODS, "other", pod("a", null, null)))
        .isInstanceOf(ApiException.class)
        .hasMessage("the namespace of the provided object does not match the namespace sent on the request");
    assertThatThrownBy(() -> RequestObjects.checkForUpdate(PODS, "ns", "b", pod("a", null, null)))
        .isInstanceOf(ApiException.class)
        .hasMessage("the name of the object (a) does not match the name on the URL (b)");
    Unstructured service = Unstructured.of("v1", "Service");
    service.setName("a");
    assertThatThrownBy(() -> RequestObjects.checkForCreate(PODS, "ns", service))
        .as("a Service posted to pods")
        .isInstanceOf(ApiException.class)
        .extracting(e -> ((ApiException) e).code()).isEqualTo(400);
  }

  @Test
  @Graded(exercise = "2.2", points = 2,
      hint = "RequestInfo: the legacy /watch/ prefix, a Namespace object is its own namespace, DELETE without a name is deletecollection.")
  void resolverHandlesTheSpecialForms() {
    RequestInfoResolver resolver = new RequestInfoResolver();
    record Case(String method, String path, Map<String, List<String>> query, RequestInfo expected) {}
    for (Case c : List.of(
        new Case("GET", "/api/v1/watch/namespaces/ns/pods/web", Map.of(),
            new RequestInfo(true, "/api/v1/watch/namespaces/ns/pods/web", "watch", "", "v1", "ns",
                "pods", "", "web")),
        new Case("DELETE", "/apis/apps/v1/namespaces/ns/deployments", Map.of(),
            new RequestInfo(true, "/apis/apps/v1/namespaces/ns/deployments", "deletecollection",
                "apps", "v1", "ns", "deployments", "", "")),
        new Case("PUT", "/api/v1/namespaces/ns/status", Map.of(),
            new RequestInfo(true, "/api/v1/namespaces/ns/status", "update", "", "v1", "ns",
                "namespaces", "status", "ns")),
        new Case("GET", "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases",
            Map.of("watch", List.of("FALSE")),
            new RequestInfo(true, "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases",
                "list", "coordination.k8s.io", "v1", "kube-system", "leases", "", "")),
        new Case("GET", "/apis/apps", Map.of(), RequestInfo.nonResource("/apis/apps", "get")))) {
      assertThat(resolver.resolve(c.method(), c.path(), c.query()))
          .as("%s %s %s", c.method(), c.path(), c.query()).isEqualTo(c.expected());
    }
  }

  @Test
  @Graded(exercise = "2.2", points = 1,
      hint = "A PUT body is checked like a POST body: its kind, and its namespace (filled from the path when missing, dropped for cluster-scoped resources, refused when different).")
  void updateFitsTheBodyToThePathLikeCreate() {
    Unstructured noNamespace = pod("a", null, null);
    noNamespace.setNamespace("");
    RequestObjects.checkForUpdate(PODS, "team", "a", noNamespace);
    assertThat(noNamespace.namespace()).as("PUT of a pod without namespace: filled from the path")
        .isEqualTo("team");

    Unstructured node = Unstructured.of("v1", "Node");
    node.setName("n1");
    node.setNamespace("ns");
    RequestObjects.checkForUpdate(NODES, "", "n1", node);
    assertThat(node.namespace()).as("PUT of a cluster-scoped object: its namespace is dropped")
        .isEmpty();

    assertThatThrownBy(() -> RequestObjects.checkForUpdate(PODS, "other", "a", pod("a", null, null)))
        .as("PUT to namespace other of a pod in namespace ns")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("does not match the namespace");

    Unstructured service = Unstructured.of("v1", "Service");
    service.setName("a");
    assertThatThrownBy(() -> RequestObjects.checkForUpdate(PODS, "ns", "a", service))
        .as("a Service PUT to pods/a")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessageContaining("kind");
  }

  @Test
  @Graded(exercise = "2.2", points = 1,
      hint = "Field selectors: a term that starts with its operator has an empty field name, and a backslash before the operator must not stall the operator search.")
  void fieldSelectorTermsWithOddFields() {
    assertThatThrownBy(() -> FieldSelector.parse("=x", FieldLabels.allowed(PODS)))
        .as("\"=x\": the operator at position 0 leaves an empty field")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
        .hasMessage("field label not supported: ");
    assertTimeoutPreemptively(Duration.ofSeconds(2), () ->
        assertThatThrownBy(() -> FieldSelector.parse("metadata.name\\=x=y",
            FieldLabels.allowed(PODS)))
            .as("a backslash in the field part: no such field (and no endless loop)")
            .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
            .hasMessageStartingWith("field label not supported: metadata.name\\"),
        "FieldSelector.parse(\"metadata.name\\\\=x=y\") did not return within 2 s");
  }
}
