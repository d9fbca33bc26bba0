package io.minik8s.objects.validation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.GenericObject;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationHiddenTest {

  static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case"
      + " alphanumeric characters or '-', and must start and end with an alphanumeric character"
      + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case"
      + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'example.com', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String PORT_NAME_CHARSET =
      "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)";

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

  @Test
  @Graded(exercise = "0.4", points = 2,
      hint = "Check the length limits exactly (253 for subdomains, 63 for labels and label"
          + " values, counted in bytes) and the special message for a label containing dots.")
  void lengthLimitsAndEdgeCasesOfNames() {
    String label63 = "a".repeat(63);
    String subdomain253 = (label63 + ".").repeat(3) + "a".repeat(61);
    assertThat(subdomain253).hasSize(253);

    assertThat(NameValidation.isDns1123Label(label63)).isEmpty();
    assertThat(NameValidation.isDns1123Subdomain(subdomain253)).isEmpty();
    assertThat(NameValidation.isDns1123Subdomain(subdomain253 + "a"))
        .containsExactly("must be no more than 253 characters");
    assertThat(NameValidation.isDns1123Label("a-")).containsExactly(LABEL_MSG);
    assertThat(NameValidation.isDns1123Label("-a.b")).containsExactly(LABEL_MSG);
    assertThat(NameValidation.isDns1123Label("x".repeat(64) + ".b"))
        .containsExactly("must be no more than 63 characters", "must not contain dots");
    assertThat(NameValidation.isDns1035Label("a")).isEmpty();
    assertThat(NameValidation.isDns1035Label("a".repeat(64)))
        .containsExactly("must be no more than 63 characters");
    assertThat(NameValidation.isValidLabelValue("é".repeat(32)))
        .as("64 bytes of UTF-8").contains("must be no more than 63 bytes");
    assertThat(NameValidation.isValidLabelValue("a".repeat(63))).isEmpty();
  }

  @Test
  @Graded(exercise = "0.4", points = 1,
      hint = "A key with more than one '/' gets one message describing the whole key format;"
          + " an empty name part is reported as empty.")
  void qualifiedNameShapes() {
    assertThat(NameValidation.isQualifiedName("a/b/c")).containsExactly(
        "a valid label key must consist of alphanumeric characters, '-', '_' or '.', and must"
            + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or"
            + " '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
            + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
    assertThat(NameValidation.isQualifiedName("example.com/")).containsExactly(
        "name part must be non-empty",
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and"
            + " end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc',"
            + " regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
    assertThat(NameValidation.isQualifiedName("kubernetes.io/metadata.name")).isEmpty();
  }

  @Test
  @Graded(exercise = "0.4", points = 2,
      hint = "Strings are quoted like Go's %q (escapes included); Required, Forbidden and Too long"
          + " never show the value; other values print plainly or as JSON.")
  void bodiesFormatEveryKindOfValue() {
    FieldPath f = FieldPath.of("f");
    assertThat(FieldError.invalid(f, "a\"b\nc\\", "x").body())
        .isEqualTo("Invalid value: \"a\\\"b\\nc\\\\\": x");
    assertThat(FieldError.invalid(f, true, "").body()).isEqualTo("Invalid value: true");
    assertThat(FieldError.invalid(f, 5L, "d").body()).isEqualTo("Invalid value: 5: d");
    assertThat(FieldError.invalid(f, null, "d").body()).isEqualTo("Invalid value: null: d");
    assertThat(FieldError.invalid(f, List.of("a", "b"), "d").body())
        .isEqualTo("Invalid value: [\"a\",\"b\"]: d");
    assertThat(FieldError.forbidden(f, "not allowed on this type").body())
        .isEqualTo("Forbidden: not allowed on this type");
    assertThat(FieldError.tooLong(f, 262144).body())
        .isEqualTo("Too long: may not be more than 262144 bytes");
    assertThat(FieldError.notSupported(f, "x", List.of()).body())
        .isEqualTo("Unsupported value: \"x\"");
    assertThat(FieldError.notFound(f, "x").message()).isEqualTo("f: Not found: \"x\"");
  }

  @Test
  @Graded(exercise = "0.4", points = 1,
      hint = "Map keys are subscripts too, even when they contain dots or slashes; a subscript"
          + " is never preceded by a dot.")
  void pathsWithKeysAndNestedIndexes() {
    assertThat(FieldPath.of("metadata").child("annotations").key("example.com/x"))
        .hasToString("metadata.annotations[example.com/x]");
    assertThat(FieldPath.of("spec").child("a").index(1).index(2).child("b").key("k").child("c"))
        .hasToString("spec.a[1][2].b[k].c");
    assertThat(FieldPath.of("data").key("")).hasToString("data[]");
  }

  @Test
  @Graded(exercise = "0.4", points = 2,
      hint = "One error is printed without brackets, repeated messages only once; the core group"
          + " has no \".group\" suffix; no errors means no colon part.")
  void invalidStatusMessagesAsKubectlPrintsThem() {
    FieldError missing = FieldError.required(FieldPath.of("spec", "containers"), "");

    Status one = InvalidObject.status("", "Pod", "web", List.of(missing, missing));
    Status none = InvalidObject.status("", "Pod", "web", List.of());

    assertThat(one.message()).isEqualTo("Pod \"web\" is invalid: spec.containers: Required value");
    assertThat(one.details().causes()).hasSize(2);
    assertThat(one.details().group()).isEmpty();
    assertThat(Codec.toTree(one).path("details").has("group")).isFalse();
    assertThat(Codec.toTree(one).path("code").asInt()).isEqualTo(422);
    assertThat(none.message()).isEqualTo("Pod \"web\" is invalid");
  }

  static final String POD = """
      apiVersion: v1
      kind: Pod
      metadata: {name: web, namespace: default}
      spec:
        containers:
        - name: web
          image: nginx
      """;

  @Test
  @Graded(exercise = "0.4", points = 3,
      hint = "Check every port field (name syntax and uniqueness, containerPort required,"
          + " hostPort range, protocol), imagePullPolicy, the grace period, the deadline and"
          + " the node selector.")
  void podSpecDetails() {
    Pod pod = object(POD + """
            imagePullPolicy: Sometimes
            ports:
            - {name: HTTP, containerPort: 80}
            - {name: web, containerPort: 81, hostPort: 70000, protocol: HTTP}
            - {name: web, containerPort: 82}
            - {hostPort: 8080}
          terminationGracePeriodSeconds: -1
          activeDeadlineSeconds: 0
          nodeSelector: {"disk type": ssd}
        """, Pod.class);

    assertThat(messages(pod)).containsExactly(
        "spec.containers[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values:"
            + " \"Always\", \"IfNotPresent\", \"Never\"",
        "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": " + PORT_NAME_CHARSET,
        "spec.containers[0].ports[0].name: Invalid value: \"HTTP\": must contain at least one"
            + " letter (a-z)",
        "spec.containers[0].ports[1].hostPort: Invalid value: 70000: must be between 1 and 65535,"
            + " inclusive",
        "spec.containers[0].ports[1].protocol: Unsupported value: \"HTTP\": supported values:"
            + " \"SCTP\", \"TCP\", \"UDP\"",
        "spec.containers[0].ports[2].name: Duplicate value: \"web\"",
        "spec.containers[0].ports[3].containerPort: Required value",
        "spec.terminationGracePeriodSeconds: Invalid value: -1: must be greater than or equal to 0",
        "spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
        "spec.nodeSelector: Invalid value: \"disk type\": name part must consist of alphanumeric"
            + " characters, '-', '_' or '.', and must start and end with an alphanumeric character"
            + " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is"
            + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
  }

  @Test
  @Graded(exercise = "0.4", points = 1,
      hint = "A pod without a spec still needs containers; two unnamed containers are both"
          + " required and duplicates.")
  void podWithoutSpecOrNames() {
    Pod noSpec = object("apiVersion: v1\nkind: Pod\nmetadata: {name: a, namespace: b}\n", Pod.class);
    Pod noNames = object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: a, namespace: b}
        spec:
          containers: [{image: x}, {image: y}]
        """, Pod.class);

    assertThat(messages(noSpec)).containsExactly("spec.containers: Required value");
    assertThat(messages(noNames)).containsExactly(
        "spec.containers[0].name: Required value",
        "spec.containers[1].name: Required value",
        "spec.containers[1].name: Duplicate value: \"\"");
  }

  static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, namespace: default}
      spec:
        selector:
          matchExpressions: [{key: app, operator: In, values: [web, api]}]
        template:
          metadata: {labels: {app: web}}
          spec:
            containers: [{name: web, image: nginx}]
      """;

  @Test
  @Graded(exercise = "0.4", points = 3,
      hint = "Selectors with matchExpressions must be evaluated; check each strategy rule"
          + " (Recreate forbids rollingUpdate, percentages at most 100%, valid percent strings),"
          + " revisionHistoryLimit, and progressDeadlineSeconds against minReadySeconds.")
  void deploymentStrategyAndLimits() {
    Deployment ok = object(DEPLOYMENT, Deployment.class);
    Deployment recreate = object(DEPLOYMENT + """
          strategy: {type: Recreate, rollingUpdate: {maxSurge: 1}}
        """, Deployment.class);
    Deployment percents = object(DEPLOYMENT + """
          strategy: {rollingUpdate: {maxUnavailable: "150%", maxSurge: "abc"}}
          revisionHistoryLimit: -2
          minReadySeconds: 30
          progressDeadlineSeconds: 30
        """, Deployment.class);
    Deployment weird = object(DEPLOYMENT + "  strategy: {type: BlueGreen}\n", Deployment.class);

    assertThat(messages(ok)).isEmpty();
    assertThat(messages(recreate)).containsExactly("spec.strategy.rollingUpdate: Forbidden: may"
        + " not be specified when strategy `type` is 'Recreate'");
    assertThat(messages(percents)).containsExactly(
        "spec.strategy.rollingUpdate.maxSurge: Invalid value: \"abc\": a valid percent string"
            + " must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex"
            + " used for validation is '[0-9]+%')",
        "spec.strategy.rollingUpdate.maxUnavailable: Invalid value: \"150%\": must not be greater"
            + " than 100%",
        "spec.revisionHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
        "spec.progressDeadlineSeconds: Invalid value: 30: must be greater than minReadySeconds");
    assertThat(messages(weird)).containsExactly("spec.strategy.type: Unsupported value:"
        + " \"BlueGreen\": supported values: \"Recreate\", \"RollingUpdate\"");
  }

  @Test
  @Graded(exercise = "0.4", points = 2,
      hint = "An empty selector is invalid for Deployments and ReplicaSets alike; template labels"
          + " are validated as labels; a NotIn expression excludes the listed values.")
  void replicaSetSelectors() {
    ReplicaSet empty = object("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs, namespace: default}
        spec:
          replicas: -3
          selector: {}
          template:
            metadata: {labels: {tier: "front end"}}
            spec:
              containers: [{name: c, image: i}]
        """, ReplicaSet.class);
    ReplicaSet notIn = object("""
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: rs, namespace: default}
        spec:
          selector:
            matchExpressions: [{key: tier, operator: NotIn, values: [backend]}]
          template:
            metadata: {labels: {tier: backend}}
            spec:
              containers: [{name: c, image: i}]
        """, ReplicaSet.class);

    assertThat(messages(empty)).containsExactly(
        "spec.replicas: Invalid value: -3: must be greater than or equal to 0",
        "spec.selector: Invalid value: {}: empty selector is invalid for deployment",
        "spec.template.metadata.labels: Invalid value: \"front end\": a valid label must be an"
            + " empty string or consist of alphanumeric characters, '-', '_' or '.', and must start"
            + " and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or"
            + " '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')");
    assertThat(messages(notIn)).containsExactly(
        "spec.template.metadata.labels: Invalid value: {\"tier\":\"backend\"}: `selector` does not"
            + " match template `labels`");
  }

  @Test
  @Graded(exercise = "0.4", points = 2,
      hint = "ExternalName services need no ports; check the type, duplicate port names, named"
          + " target ports and node port ranges on NodePort services.")
  void serviceDetails() {
    Service external = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: db, namespace: default}
        spec: {type: ExternalName, externalName: db.example.com}
        """, Service.class);
    Service bad = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec:
          type: NodePort
          ports:
          - {name: http, port: 80, targetPort: web-http, nodePort: 70000}
          - {name: http, port: 443, targetPort: 0, protocol: ICMP}
        """, Service.class);
    Service weird = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec: {type: Mesh, ports: [{port: 80}]}
        """, Service.class);

    assertThat(messages(external)).isEmpty();
    assertThat(messages(bad)).containsExactly(
        "spec.ports[0].nodePort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        "spec.ports[1].name: Duplicate value: \"http\"",
        "spec.ports[1].protocol: Unsupported value: \"ICMP\": supported values: \"SCTP\","
            + " \"TCP\", \"UDP\"",
        "spec.ports[1].targetPort: Invalid value: 0: must be between 1 and 65535, inclusive");
    assertThat(messages(weird)).containsExactly("spec.type: Unsupported value: \"Mesh\":"
        + " supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
  }

  @Test
  @Graded(exercise = "0.4", points = 3,
      hint = "Cover the remaining metadata rules (generateName syntax, cluster-scoped kinds,"
          + " annotation size and case), Job counts and selectors, and ConfigMap keys that"
          + " collide between data and binaryData.")
  void remainingKindsAndMetadataRules() {
    Namespace generated = object("""
        apiVersion: v1
        kind: Namespace
        metadata: {generateName: Team-}
        """, Namespace.class);
    Node node = object("apiVersion: v1\nkind: Node\nmetadata: {name: n1, namespace: x}\n",
        Node.class);
    Pod annotated = object(POD.replace("namespace: default}",
        "namespace: default, annotations: {Example.COM/Owner: me}}"), Pod.class);
    Pod huge = object(POD, Pod.class);
    huge = huge.withMetadata(huge.metadata().withAnnotations(Map.of("big", "x".repeat(262142))));
    Job job = object("""
        apiVersion: batch/v1
        kind: Job
        metadata: {name: pi, namespace: default}
        spec:
          parallelism: -1
          selector: {matchLabels: {job: pi}}
          template:
            metadata: {labels: {job: other}}
            spec:
              restartPolicy: Always
              containers: [{name: pi, image: perl}]
        """, Job.class);
    ConfigMap cm = object("""
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: c, namespace: default}
        data: {shared: a, "..hidden": b}
        binaryData: {shared: YQ==}
        """, ConfigMap.class);
    GenericObject widget = object("""
        apiVersion: example.com/v1
        kind: Widget
        metadata: {name: Widget_1}
        """, GenericObject.class);

    assertThat(messages(generated)).containsExactly(
        "metadata.generateName: Invalid value: \"Team-\": " + LABEL_MSG);
    assertThat(messages(node)).containsExactly(
        "metadata.namespace: Forbidden: not allowed on this type");
    assertThat(messages(annotated)).as("annotation keys are checked in lower case").isEmpty();
    assertThat(messages(huge)).containsExactly(
        "metadata.annotations: Too long: may not be more than 262144 bytes");
    assertThat(messages(job)).containsExactly(
        "spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
        "spec.template.metadata.labels: Invalid value: {\"job\":\"other\"}: `selector` does not"
            + " match template `labels`",
        "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"");
    assertThat(messages(cm)).containsExactly(
        "data[..hidden]: Invalid value: \"..hidden\": must not start with '..'",
        "data[shared]: Invalid value: \"shared\": duplicate of key present in binaryData",
        "binaryData[shared]: Invalid value: \"shared\": duplicate of key present in data");
    assertThat(messages(widget)).containsExactly(
        "metadata.name: Invalid value: \"Widget_1\": " + SUBDOMAIN_MSG);
  }
}
