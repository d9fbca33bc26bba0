package io.minik8s.apiserver.admission;

import static io.minik8s.apiserver.admission.Admissions.create;
import static io.minik8s.apiserver.admission.Admissions.object;
import static io.minik8s.apiserver.admission.Admissions.type;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

class PodDefaultsHiddenTest {

  static Unstructured pod(String extraSpec) {
    return object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: p, namespace: ns}
        spec:
          %s
          containers:
          - {name: web, image: nginx:1.27}
        """.formatted(extraSpec));
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "A created pod gets restartPolicy Always and"
      + " enableServiceLinks true when it states neither, and keeps the values it states.")
  void restartPolicyAndServiceLinksDefaultButAreNotOverwritten() {
    Unstructured bare = pod("");
    new PodDefaults().admit(create(type("", "pods"), bare));
    assertThat(bare.at("spec.restartPolicy").asText()).as("default restartPolicy")
        .isEqualTo("Always");
    assertThat(bare.json().at("/spec/enableServiceLinks").isBoolean()).as("enableServiceLinks set")
        .isTrue();
    assertThat(bare.json().at("/spec/enableServiceLinks").asBoolean()).isTrue();

    Unstructured stated = pod("restartPolicy: Never\n  enableServiceLinks: false");
    new PodDefaults().admit(create(type("", "pods"), stated));
    assertThat(stated.at("spec.restartPolicy").asText()).as("stated restartPolicy")
        .isEqualTo("Never");
    assertThat(stated.json().at("/spec/enableServiceLinks").asBoolean(true))
        .as("stated enableServiceLinks false").isFalse();
  }
}
