package io.minik8s.client.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import org.junit.jupiter.api.Test;

class RequestPathsHiddenTest {

  static ResourceType type(Class<? extends KubeObject> javaType) {
    return Scheme.builtIn().types().stream().filter(t -> t.javaType() == javaType)
        .findFirst().orElseThrow();
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "An empty namespace is no namespace; a cluster-scoped kind of a named group still "
          + "lives under /apis/<group>/<version>.")
  void edgeCasesOfPaths() {
    assertThat(RequestPaths.path(type(Pod.class), "", null, null))
        .as("empty namespace: all namespaces").isEqualTo("/api/v1/pods");
    assertThat(RequestPaths.path(type(ClusterRole.class), "default", "admin", null))
        .isEqualTo("/apis/rbac.authorization.k8s.io/v1/clusterroles/admin");
    assertThat(RequestPaths.path(type(Job.class), "ci", "build", "status"))
        .isEqualTo("/apis/batch/v1/namespaces/ci/jobs/build/status");
    assertThat(RequestPaths.query(ListOptions.ALL.withLimit(1, "").withTimeoutSeconds(1),
        false)).as("limit 1 and timeout 1 are sent; an empty continue is not")
        .isEqualTo("?limit=1&timeoutSeconds=1");
    assertThat(RequestPaths.query(ListOptions.labels("").withResourceVersion("0"), false))
        .as("an empty selector is not sent; resourceVersion 0 is")
        .isEqualTo("?resourceVersion=0");
  }
}
