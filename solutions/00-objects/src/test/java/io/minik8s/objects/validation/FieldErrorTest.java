package io.minik8s.objects.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldErrorTest {

  @Test
  @Graded(exercise = "0.4", points = 1)
  void pathsPrintLikeKubernetes() {
    assertThat(FieldPath.of("spec").child("containers").index(0).child("image"))
        .hasToString("spec.containers[0].image");
    assertThat(FieldPath.of("metadata", "labels").key("app")).hasToString("metadata.labels[app]");
    assertThat(FieldPath.of("spec").child("template", "spec").child("restartPolicy"))
        .hasToString("spec.template.spec.restartPolicy");
  }

  @Test
  @Graded(exercise = "0.4", points = 2)
  void messagesPrintLikeKubernetes() {
    FieldPath spec = FieldPath.of("spec");

    assertThat(FieldError.required(spec.child("containers").index(0).child("image"), "").message())
        .isEqualTo("spec.containers[0].image: Required value");
    assertThat(FieldError.invalid(FieldPath.of("metadata", "name"), "Foo", "bad").message())
        .isEqualTo("metadata.name: Invalid value: \"Foo\": bad");
    assertThat(FieldError.invalid(spec.child("replicas"), -1, "must be greater than or equal to 0")
        .message())
        .isEqualTo("spec.replicas: Invalid value: -1: must be greater than or equal to 0");
    assertThat(FieldError.notSupported(spec.child("restartPolicy"), "Sometimes",
        List.of("Always", "OnFailure", "Never")).message())
        .isEqualTo("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values:"
            + " \"Always\", \"OnFailure\", \"Never\"");
    assertThat(FieldError.invalid(spec.child("template", "metadata", "labels"),
        Map.of("app", "web"), "`selector` does not match template `labels`").message())
        .isEqualTo("spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}:"
            + " `selector` does not match template `labels`");
    assertThat(FieldError.duplicate(spec.child("containers").index(1).child("name"), "web")
        .message())
        .isEqualTo("spec.containers[1].name: Duplicate value: \"web\"");
  }

  @Test
  @Graded(exercise = "0.4", points = 2)
  void invalidStatusCarriesOneCausePerError() {
    List<FieldError> errors = List.of(
        FieldError.invalid(FieldPath.of("spec", "replicas"), -1, "must be greater than or equal to 0"),
        FieldError.required(FieldPath.of("spec", "selector"), ""));

    Status status = InvalidObject.status("apps", "Deployment", "web", errors);

    assertThat(status.code()).isEqualTo(422);
    assertThat(status.status()).isEqualTo("Failure");
    assertThat(status.reason()).isEqualTo("Invalid");
    assertThat(status.message()).isEqualTo("Deployment.apps \"web\" is invalid: ["
        + "spec.replicas: Invalid value: -1: must be greater than or equal to 0, "
        + "spec.selector: Required value]");
    assertThat(status.details().name()).isEqualTo("web");
    assertThat(status.details().kind()).isEqualTo("Deployment");
    assertThat(status.details().group()).isEqualTo("apps");
    assertThat(status.details().causes()).containsExactly(
        new StatusCause("FieldValueInvalid",
            "Invalid value: -1: must be greater than or equal to 0", "spec.replicas"),
        new StatusCause("FieldValueRequired", "Required value", "spec.selector"));
  }
}
