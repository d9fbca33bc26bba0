package io.minik8s.objects.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.GenericObject;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidatorTest {

  static final String LABEL_MSG = NameValidationTest.LABEL_MSG;
  static final String SUBDOMAIN_MSG = NameValidationTest.SUBDOMAIN_MSG;

  /** Binds YAML to a record with the given codec, not with the Manifests exercise. */
  static <T> T object(String yaml, Class<T> type) {
    try {
      return Codec.fromTree(new YAMLMapper().readTree(yaml), type);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<String> messages(KubeObject object) {
    return Validator.validate(object).stream().map(FieldError::message).toList();
  }

  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: default}
      spec:
        containers:
        - name: web
          image: nginx
          ports: [{containerPort: 80, name: http}]
      """;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "pods/simple-pod.yaml", "pods/probe/http-liveness.yaml", "pods/qos/qos-pod.yaml",
      "pods/pod-with-pod-affinity.yaml", "controllers/nginx-deployment.yaml",
      "controllers/frontend.yaml", "controllers/job.yaml", "service/access/backend-service.yaml",
      "service/networking/nginx-secure-app.yaml", "admin/namespace-dev.yaml",
      "pods/config/example-redis-config.yaml", "service/networking/gateway.yaml"})
  @Graded(exercise = "0.4", points = 2)
  void manifestsFromTheDocsAreValid(String file) throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream("/manifests/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (JsonNode doc : new YAMLMapper().readerFor(JsonNode.class).readValues(text).readAll()
        .stream().map(JsonNode.class::cast).toList()) {
      Class<? extends KubeObject> type = Scheme.builtIn()
          .javaTypeFor(doc.get("apiVersion").asText(), doc.get("kind").asText())
          .orElse(GenericObject.class);
      KubeObject object = Codec.fromTree(doc, type);
      // the API server fills in the namespace from the URL before validating
      boolean namespaced = Scheme.builtIn().types().stream()
          .filter(t -> t.javaType() == type).findFirst().map(ResourceType::namespaced)
          .orElse(true);
      if (namespaced && object.metadata().namespace() == null) {
        object = object.withMetadata(object.metadata().withNamespace("default"));
      }
      assertThat(messages(object)).as("validation errors of %s in %s", object.kind(), file)
          .isEmpty();
    }
  }

  static Stream<Arguments> invalidPods() {
    return Stream.of(
        Arguments.of("uppercase name", POD.replace("name: web, namespace", "name: Web, namespace"),
            List.of("metadata.name: Invalid value: \"Web\": " + SUBDOMAIN_MSG)),
        Arguments.of("no name", POD.replace("name: web, namespace", "namespace"),
            List.of("metadata.name: Required value: name or generateName is required")),
        Arguments.of("no namespace", POD.replace(", namespace: default", ""),
            List.of("metadata.namespace: Required value")),
        Arguments.of("no containers", """
            apiVersion: v1
            kind: Pod
            metadata: {name: web, namespace: default}
            spec: {containers: []}
            """, List.of("spec.containers: Required value")),
        Arguments.of("missing image", POD.replace("image: nginx", "imagePullPolicy: Always"),
            List.of("spec.containers[0].image: Required value")),
        Arguments.of("container name with underscore", POD.replace("- name: web", "- name: my_web"),
            List.of("spec.containers[0].name: Invalid value: \"my_web\": " + LABEL_MSG)),
        Arguments.of("port out of range", POD.replace("containerPort: 80", "containerPort: 70000"),
            List.of("spec.containers[0].ports[0].containerPort: Invalid value: 70000:"
                + " must be between 1 and 65535, inclusive")),
        Arguments.of("unsupported restartPolicy", POD + "  restartPolicy: Sometimes\n",
            List.of("spec.restartPolicy: Unsupported value: \"Sometimes\": supported values:"
                + " \"Always\", \"OnFailure\", \"Never\"")),
        Arguments.of("duplicate container names", POD + """
              - name: web
                image: busybox
            """, List.of("spec.containers[1].name: Duplicate value: \"web\"")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidPods")
  @Graded(exercise = "0.4", points = 3)
  void invalidPodsGetKubernetesErrors(String name, String yaml, List<String> expected) {
    assertThat(messages(object(yaml, Pod.class))).as(name).containsExactlyElementsOf(expected);
  }

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: default}
      spec:
        replicas: 2
        selector: {matchLabels: {app: web}}
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: nginx}]
      """;

  static Stream<Arguments> invalidDeployments() {
    return Stream.of(
        Arguments.of("negative replicas", DEPLOYMENT.replace("replicas: 2", "replicas: -1"),
            List.of("spec.replicas: Invalid value: -1: must be greater than or equal to 0")),
        Arguments.of("selector does not match", DEPLOYMENT.replace("{app: web}}\n  template",
                "{app: api}}\n  template"),
            List.of("spec.template.metadata.labels: Invalid value: {\"app\":\"web\"}:"
                + " `selector` does not match template `labels`")),
        Arguments.of("no selector",
            DEPLOYMENT.replace("  selector: {matchLabels: {app: web}}\n", ""),
            List.of("spec.selector: Required value")),
        Arguments.of("restartPolicy Never", DEPLOYMENT + "      restartPolicy: Never\n",
            List.of("spec.template.spec.restartPolicy: Unsupported value: \"Never\":"
                + " supported values: \"Always\"")),
        Arguments.of("maxSurge and maxUnavailable both 0", DEPLOYMENT + """
              strategy:
                type: RollingUpdate
                rollingUpdate: {maxSurge: 0, maxUnavailable: "0%"}
            """,
            List.of("spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"0%\":"
                + " may not be 0 when `maxSurge` is 0")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidDeployments")
  @Graded(exercise = "0.4", points = 3)
  void invalidDeploymentsGetKubernetesErrors(String name, String yaml, List<String> expected) {
    assertThat(messages(object(yaml, Deployment.class))).as(name)
        .containsExactlyElementsOf(expected);
  }

  @Test
  @Graded(exercise = "0.4", points = 2)
  void invalidServicesGetKubernetesErrors() {
    Service service = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: 1web, namespace: default}
        spec:
          selector: {app: web}
          ports:
          - {port: 80, targetPort: 8080}
          - {name: metrics, port: 0, nodePort: 30001}
        """, Service.class);

    assertThat(messages(service)).containsExactly(
        "metadata.name: Invalid value: \"1web\": " + NameValidationTest.DNS1035_MSG,
        "spec.ports[0].name: Required value",
        "spec.ports[1].port: Invalid value: 0: must be between 1 and 65535, inclusive",
        "spec.ports[1].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  }

  @Test
  @Graded(exercise = "0.4", points = 2)
  void jobsNamespacesAndConfigMapsAreValidated() {
    Job job = object("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: pi, namespace: default}
        spec:
          backoffLimit: -1
          template:
            spec:
              containers: [{name: pi, image: perl}]
        """, Job.class);
    Namespace ns = object("""
        apiVersion: v1
        kind: Namespace
        metadata: {name: team.a, namespace: default}
        """, Namespace.class);
    ConfigMap cm = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: settings, namespace: default}
        data: {"good.key": "1", "bad key": "2"}
        """, ConfigMap.class);

    assertThat(messages(job)).containsExactly(
        "spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0",
        "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
    assertThat(messages(ns)).containsExactly(
        "metadata.name: Invalid value: \"team.a\": must not contain dots",
        "metadata.namespace: Forbidden: not allowed on this type");
    assertThat(messages(cm)).containsExactly(
        "data[bad key]: Invalid value: \"bad key\": a valid config key must consist of"
            + " alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or"
            + " 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')");
  }

  @Test
  @Graded(exercise = "0.4", points = 2)
  void metadataAllowsGenerateNameAndChecksLabels() {
    Pod pod = object(POD.replace("name: web, namespace: default",
        "generateName: web-, namespace: default, labels: {app: web, \"bad key\": ok, tier: \"-x\"}"),
        Pod.class);

    assertThat(messages(pod)).containsExactly(
        "metadata.labels: Invalid value: \"bad key\": " + NameValidationTest.NAME_PART_MSG,
        "metadata.labels: Invalid value: \"-x\": " + NameValidationTest.LABEL_VALUE_MSG);
  }
}
