package io.minik8s.objects.scheme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemeHiddenTest {

  final Scheme scheme = Scheme.builtIn();

  @Test
  @Graded(exercise = "0.5", points = 1,
      hint = "Groups other than core live under /apis/<group>/<version>, whatever the group name.")
  void buildsPathsForEveryGroup() {
    GroupVersionResource leases = scheme.resolve("leases").resource();
    GroupVersionResource jobs = scheme.resolve("jobs").resource();
    GroupVersionResource namespaces = scheme.resolve("ns").resource();

    assertThat(RestPath.object(leases, "kube-node-lease", "n1").toPath())
        .isEqualTo("/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/n1");
    assertThat(RestPath.collection(jobs, null).toPath()).isEqualTo("/apis/batch/v1/jobs");
    assertThat(new RestPath(namespaces, "", "team-a", "finalize").toPath())
        .isEqualTo("/api/v1/namespaces/team-a/finalize");
  }

  @Test
  @Graded(exercise = "0.5", points = 2,
      hint = "A namespace may be called like a subresource or a resource; only the third segment"
          + " after /namespaces decides. Trailing slashes are ignored.")
  void parsesTrickyNamespacePaths() {
    GroupVersionResource pods = new GroupVersionResource("", "v1", "pods");
    GroupVersionResource namespaces = new GroupVersionResource("", "v1", "namespaces");

    assertThat(RestPath.parse("/api/v1/namespaces/status/pods"))
        .isEqualTo(new RestPath(pods, "status", null, null));
    assertThat(RestPath.parse("/api/v1/namespaces/pods/pods/pods"))
        .isEqualTo(new RestPath(pods, "pods", "pods", null));
    assertThat(RestPath.parse("/api/v1/namespaces/x/finalize"))
        .isEqualTo(new RestPath(namespaces, null, "x", "finalize"));
    assertThat(RestPath.parse("/api/v1/namespaces/default/pods/"))
        .isEqualTo(new RestPath(pods, "default", null, null));
    assertThat(RestPath.parse("/apis/apps/v1/deployments").resource())
        .isEqualTo(new GroupVersionResource("apps", "v1", "deployments"));
  }

  @Test
  @Graded(exercise = "0.5", points = 2,
      hint = "Building a path and parsing it back must give the same parts, for every resource,"
          + " scope, name and subresource the scheme knows.")
  void parseInvertsToPathForEveryRegisteredResource() {
    List<RestPath> paths = new ArrayList<>();
    for (ResourceType type : scheme.types()) {
      String ns = type.namespaced() ? "team-a" : null;
      paths.add(RestPath.collection(type.resource(), null));
      paths.add(RestPath.collection(type.resource(), ns));
      paths.add(RestPath.object(type.resource(), ns, "obj-1"));
      for (String sub : type.subresources()) {
        paths.add(new RestPath(type.resource(), ns, "obj-1", sub));
      }
    }

    for (RestPath path : paths) {
      assertThat(RestPath.parse(path.toPath())).as("parse(%s)", path.toPath()).isEqualTo(path);
      assertThat(scheme.parsePath(path.toPath())).as("parsePath(%s)", path.toPath())
          .isEqualTo(path);
    }
  }

  @Test
  @Graded(exercise = "0.5", points = 1,
      hint = "Both parts of group/version must be non-empty, and there is at most one slash.")
  void rejectsMalformedApiVersions() {
    for (String bad : new String[] {"", "/v1", "apps/", "a/b/c"}) {
      assertThatThrownBy(() -> GroupVersion.parse(bad))
          .as("parse(\"%s\")", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("apiVersion");
    }
    assertThat(GroupVersionKind.of("batch/v1", "Job")).isEqualTo(
        new GroupVersionKind("batch", "v1", "Job"));
  }

  @Test
  @Graded(exercise = "0.5", points = 2,
      hint = "Resolution is case-insensitive and accepts singular names with a group or a"
          + " version.group; a version that does not exist does not match.")
  void resolvesQualifiedAndSingularForms() {
    assertThat(scheme.resolve("NODES").plural()).isEqualTo("nodes");
    assertThat(scheme.resolve("deploy.apps").plural()).isEqualTo("deployments");
    assertThat(scheme.resolve("deployment.v1.apps").plural()).isEqualTo("deployments");
    assertThat(scheme.resolve("Lease").resource().group()).isEqualTo("coordination.k8s.io");
    assertThat(scheme.resolve("secret").plural()).isEqualTo("secrets");
    assertThat(scheme.resolve("bindings").kind().kind()).isEqualTo("Binding");
    assertThat(scheme.resolve("jobs.batch").plural()).isEqualTo("jobs");
    assertThatThrownBy(() -> scheme.resolve("deployments.v2.apps"))
        .isInstanceOf(UnknownResourceException.class)
        .hasMessageContaining("deployments.v2.apps");
    assertThatThrownBy(() -> scheme.resolve("deploy.batch"))
        .isInstanceOf(UnknownResourceException.class);
  }

  @Test
  @Graded(exercise = "0.5", points = 2,
      hint = "parsePath must check scope both ways, the exact version, and the subresources each"
          + " resource serves.")
  void parsePathRejectsWhatTheRouterCannotServe() {
    assertThat(scheme.parsePath("/api/v1/namespaces/x/status").name()).isEqualTo("x");
    assertThat(scheme.parsePath("/api/v1/nodes/n1/status").subresource()).isEqualTo("status");
    assertThat(scheme.parsePath("/api/v1/namespaces/a/pods/p/log").subresource()).isEqualTo("log");

    assertThatThrownBy(() -> scheme.parsePath("/api/v1/nodes/n1/scale"))
        .isInstanceOf(MalformedPathException.class).hasMessageContaining("scale");
    assertThatThrownBy(() -> scheme.parsePath("/apis/apps/v2/namespaces/a/deployments"))
        .isInstanceOf(UnknownResourceException.class);
    assertThatThrownBy(() -> scheme.parsePath("/api/v1/namespaces/a/namespaces/b"))
        .as("namespaces are cluster-scoped").isInstanceOf(MalformedPathException.class);
    assertThatThrownBy(() -> scheme.parsePath("/apis/batch/v1/jobs/pi/status"))
        .as("one job needs a namespace").isInstanceOf(MalformedPathException.class);
    assertThatThrownBy(() -> scheme.parsePath("/api"))
        .isInstanceOf(MalformedPathException.class);
  }
}
