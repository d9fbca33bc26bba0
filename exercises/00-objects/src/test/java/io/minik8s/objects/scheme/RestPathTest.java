package io.minik8s.objects.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class RestPathTest {

  static final GroupVersionResource PODS = new GroupVersionResource("", "v1", "pods");
  static final GroupVersionResource NODES = new GroupVersionResource("", "v1", "nodes");
  static final GroupVersionResource NAMESPACES = new GroupVersionResource("", "v1", "namespaces");
  static final GroupVersionResource DEPLOYMENTS =
      new GroupVersionResource("apps", "v1", "deployments");

  /** Each path with the parts it stands for; building and parsing must agree. */
  static Stream<Arguments> paths() {
    return Stream.of(
        Arguments.of("/api/v1/namespaces/default/pods/x", new RestPath(PODS, "default", "x", null)),
        Arguments.of("/api/v1/namespaces/default/pods", new RestPath(PODS, "default", null, null)),
        Arguments.of("/api/v1/pods", new RestPath(PODS, null, null, null)),
        Arguments.of("/api/v1/namespaces/default/pods/x/status",
            new RestPath(PODS, "default", "x", "status")),
        Arguments.of("/api/v1/namespaces/default/pods/x/binding",
            new RestPath(PODS, "default", "x", "binding")),
        Arguments.of("/apis/apps/v1/namespaces/ns/deployments",
            new RestPath(DEPLOYMENTS, "ns", null, null)),
        Arguments.of("/apis/apps/v1/namespaces/ns/deployments/web/scale",
            new RestPath(DEPLOYMENTS, "ns", "web", "scale")),
        Arguments.of("/api/v1/nodes/n1", new RestPath(NODES, null, "n1", null)),
        Arguments.of("/api/v1/namespaces", new RestPath(NAMESPACES, null, null, null)),
        Arguments.of("/api/v1/namespaces/x", new RestPath(NAMESPACES, null, "x", null)),
        Arguments.of("/api/v1/namespaces/x/status", new RestPath(NAMESPACES, null, "x", "status")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  @Graded(exercise = "0.5", points = 2)
  void buildsPaths(String path, RestPath parts) {
    assertThat(parts.toPath()).as("toPath() of %s", parts).isEqualTo(path);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("paths")
  @Graded(exercise = "0.5", points = 3)
  void parsesPaths(String path, RestPath parts) {
    assertThat(RestPath.parse(path)).as("parse(%s)", path).isEqualTo(parts);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {
      "", "api/v1/pods", "/", "/api", "/api/v1", "/apis/apps/v1", "/foo/v1/pods",
      "/api/v1//pods", "/api/v1/namespaces/default/pods/x/status/extra", "/api/v1/pods?watch=1",
      "/api/v1/namespaces/default/pods/.."})
  @Graded(exercise = "0.5", points = 2)
  void rejectsMalformedPaths(String path) {
    assertThatThrownBy(() -> RestPath.parse(path))
        .as("parse(\"%s\")", path)
        .isInstanceOf(MalformedPathException.class)
        .hasMessageContaining(path);
  }

  @Test
  @Graded(exercise = "0.5", points = 1)
  void parsesApiVersions() {
    assertThat(GroupVersion.parse("v1")).isEqualTo(new GroupVersion("", "v1"));
    assertThat(GroupVersion.parse("apps/v1")).isEqualTo(new GroupVersion("apps", "v1"));
    assertThat(GroupVersion.parse("coordination.k8s.io/v1"))
        .isEqualTo(new GroupVersion("coordination.k8s.io", "v1"));
    assertThatThrownBy(() -> GroupVersion.parse("a/b/c"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a/b/c");
  }
}
