package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Where each request goes: the path of a kind, and the query of a list or watch. */
class RequestPathsTest {

  static ResourceType type(Class<? extends KubeObject> javaType) {
    return Scheme.builtIn().types().stream().filter(t -> t.javaType() == javaType)
        .findFirst().orElseThrow();
  }

  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("one pod", Pod.class, "default", "web", null,
            "/api/v1/namespaces/default/pods/web"),
        Arguments.of("pods of a namespace", Pod.class, "team-a", null, null,
            "/api/v1/namespaces/team-a/pods"),
        Arguments.of("pods of all namespaces", Pod.class, null, null, null, "/api/v1/pods"),
        Arguments.of("a pod's status", Pod.class, "default", "web", "status",
            "/api/v1/namespaces/default/pods/web/status"),
        Arguments.of("a deployment (apps group)", Deployment.class, "ns", "web", null,
            "/apis/apps/v1/namespaces/ns/deployments/web"),
        Arguments.of("a deployment's scale", Deployment.class, "ns", "web", "scale",
            "/apis/apps/v1/namespaces/ns/deployments/web/scale"),
        Arguments.of("a lease (dotted group)", Lease.class, "kube-node-lease", "n1", null,
            "/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1"),
        Arguments.of("a node: cluster-scoped", Node.class, null, "n1", null, "/api/v1/nodes/n1"),
        Arguments.of("a node given a namespace: ignored", Node.class, "default", "n1", "status",
            "/api/v1/nodes/n1/status"),
        Arguments.of("all nodes", Node.class, "default", null, null, "/api/v1/nodes"),
        Arguments.of("a namespace object", Namespace.class, null, "team-a", null,
            "/api/v1/namespaces/team-a"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  @Graded(exercise = "3.1", points = 2)
  void pathOfAKind(String name, Class<? extends KubeObject> kind, String namespace,
      String objectName, String subresource, String expected) {
    assertThat(RequestPaths.path(type(kind), namespace, objectName, subresource))
        .as("path(%s, namespace=%s, name=%s, subresource=%s)", kind.getSimpleName(), namespace,
            objectName, subresource)
        .isEqualTo(expected);
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        Arguments.of("nothing set", ListOptions.ALL, false, ""),
        Arguments.of("watch only", ListOptions.ALL, true, "?watch=true"),
        Arguments.of("selector with = and , encoded", ListOptions.labels("app=web,tier!=db"),
            false, "?labelSelector=app%3Dweb%2Ctier%21%3Ddb"),
        Arguments.of("set-based selector: spaces and parentheses",
            ListOptions.labels("env in (a, b)"), false, "?labelSelector=env+in+%28a%2C+b%29"),
        Arguments.of("field selector", ListOptions.ALL.withFieldSelector("spec.nodeName=n1"),
            false, "?fieldSelector=spec.nodeName%3Dn1"),
        Arguments.of("a page", ListOptions.ALL.withLimit(50, "tok/en="), false,
            "?limit=50&continue=tok%2Fen%3D"),
        Arguments.of("limit 0 is not sent", ListOptions.ALL.withLimit(0, null), false, ""),
        Arguments.of("a watch from a version with bookmarks and a timeout",
            ListOptions.ALL.withResourceVersion("42").withTimeoutSeconds(30).withBookmarks(true),
            true, "?resourceVersion=42&timeoutSeconds=30&allowWatchBookmarks=true&watch=true"),
        Arguments.of("everything, in order",
            new ListOptions("a=b", "f=g", "7", 10, "c", 5, true), true,
            "?labelSelector=a%3Db&fieldSelector=f%3Dg&resourceVersion=7&limit=10&continue=c"
                + "&timeoutSeconds=5&allowWatchBookmarks=true&watch=true"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("queries")
  @Graded(exercise = "3.1", points = 1)
  void queryOfListOptions(String name, ListOptions options, boolean watch, String expected) {
    assertThat(RequestPaths.query(options, watch))
        .as("query(%s, watch=%s)", options, watch)
        .isEqualTo(expected);
  }
}
