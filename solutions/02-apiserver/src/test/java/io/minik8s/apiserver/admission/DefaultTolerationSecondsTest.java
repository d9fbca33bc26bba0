package io.minik8s.apiserver.admission;

import static io.minik8s.apiserver.admission.Admissions.create;
import static io.minik8s.apiserver.admission.Admissions.object;
import static io.minik8s.apiserver.admission.AdmissionPluginsTest.PODS;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Given code: pods get 300 s of tolerance for a not-ready or unreachable node. */
class DefaultTolerationSecondsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      no tolerations                       | []                                                          | not-ready:300,unreachable:300
      its own not-ready toleration         | [{key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 60}] | not-ready:60,unreachable:300
      an empty key tolerates every taint   | [{operator: Exists}]                                        | :-
      a NoSchedule toleration is no excuse | [{key: node.kubernetes.io/unreachable, operator: Exists, effect: NoSchedule}] | unreachable:-,not-ready:300,unreachable:300
      """)
  void addsWhatThePodDoesNotTolerate(String name, String tolerations, String expected) {
    Unstructured pod = object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: team-a}
        spec:
          containers: [{name: c, image: busybox}]
          tolerations: %s
        """.formatted(tolerations));
    new DefaultTolerationSeconds().admit(create(PODS, pod));
    List<String> seen = new ArrayList<>();
    pod.json().path("spec").path("tolerations").forEach(t -> seen.add(
        t.path("key").asText("").replace("node.kubernetes.io/", "") + ":"
            + (t.has("tolerationSeconds") ? t.get("tolerationSeconds").asText() : "-")));
    assertThat(String.join(",", seen)).as("tolerations of a pod with %s", tolerations).isEqualTo(expected);
  }
}
