package io.minik8s.objects.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.GenericObject;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Manifests from the Kubernetes documentation (src/test/resources/manifests, copied unchanged
 * from kubernetes/website content/en/examples) must decode into typed objects and encode back to
 * the same JSON tree.
 */
class ManifestsTest {

  static String resource(String path) {
    try (InputStream in = ManifestsTest.class.getResourceAsStream("/manifests/" + path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource manifests/" + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every document of a YAML stream as a plain JSON tree, read without our code. */
  static List<JsonNode> rawDocuments(String yaml) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = new YAMLMapper().readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNextValue()) {
        JsonNode doc = it.nextValue();
        if (doc != null && !doc.isNull()) {
          docs.add(doc);
        }
      }
    }
    return docs;
  }

  /** Normalised through JSON text, so an int read from YAML equals a long written by a record. */
  static JsonNode normalised(JsonNode tree) throws IOException {
    ObjectMapper json = new ObjectMapper();
    return json.readTree(json.writeValueAsString(tree));
  }

  static Arguments manifest(String file, Class<?> type, Consumer<KubeObject> check) {
    return Arguments.of(file, type, check);
  }

  static Stream<Arguments> realManifests() {
    return Stream.of(
        manifest("pods/simple-pod.yaml", Pod.class, o -> {
          Pod pod = (Pod) o;
          assertThat(pod.metadata().name()).isEqualTo("nginx");
          assertThat(pod.spec().containers().get(0).image()).isEqualTo("nginx:1.14.2");
          assertThat(pod.spec().containers().get(0).ports().get(0).containerPort()).isEqualTo(80);
        }),
        manifest("controllers/nginx-deployment.yaml", Deployment.class, o -> {
          Deployment d = (Deployment) o;
          assertThat(d.apiVersion()).isEqualTo("apps/v1");
          assertThat(d.spec().replicas()).isEqualTo(3);
          assertThat(d.spec().selector().matchLabels())
              .containsEntry("app.kubernetes.io/name", "nginx");
          assertThat(d.spec().template().metadata().labels())
              .containsEntry("app.kubernetes.io/name", "nginx");
        }),
        manifest("controllers/frontend.yaml", ReplicaSet.class, o -> {
          ReplicaSet rs = (ReplicaSet) o;
          assertThat(rs.metadata().labels()).containsEntry("tier", "frontend");
          assertThat(rs.spec().replicas()).isEqualTo(3);
          assertThat(rs.spec().template().spec().containers().get(0).name()).isEqualTo("nginx");
        }),
        manifest("controllers/job.yaml", Job.class, o -> {
          Job job = (Job) o;
          assertThat(job.spec().backoffLimit()).isEqualTo(4);
          assertThat(job.spec().template().spec().restartPolicy()).isEqualTo("Never");
          assertThat(job.spec().template().spec().containers().get(0).command())
              .containsExactly("perl", "-Mbignum=bpi", "-wle", "print bpi(1000)");
        }),
        manifest("pods/probe/http-liveness.yaml", Pod.class, o -> {
          Container c = ((Pod) o).spec().containers().get(0);
          assertThat(c.args()).containsExactly("liveness");
          assertThat(c.livenessProbe().httpGet().path()).isEqualTo("/healthz");
          assertThat(c.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of(8080));
          assertThat(c.livenessProbe().periodSeconds()).isEqualTo(3);
          assertThat(c.livenessProbe().httpGet().unknownFields()).containsKey("httpHeaders");
        }),
        manifest("pods/qos/qos-pod.yaml", Pod.class, o -> {
          Pod pod = (Pod) o;
          assertThat(pod.metadata().namespace()).isEqualTo("qos-example");
          assertThat(pod.spec().containers().get(0).resources().limits())
              .isEqualTo(Map.of("memory", "200Mi", "cpu", "700m"));
        }),
        manifest("service/access/backend-service.yaml", Service.class, o -> {
          Service svc = (Service) o;
          assertThat(svc.spec().selector()).containsEntry("tier", "backend");
          assertThat(svc.spec().ports().get(0).port()).isEqualTo(80);
          assertThat(svc.spec().ports().get(0).targetPort()).isEqualTo(IntOrString.of("http"));
        }),
        manifest("pods/config/example-redis-config.yaml", ConfigMap.class, o ->
            assertThat(((ConfigMap) o).data().get("redis-config"))
                .isEqualTo("maxmemory 2mb\nmaxmemory-policy allkeys-lru\n")),
        manifest("pods/pod-with-pod-affinity.yaml", Pod.class, o ->
            assertThat(((Pod) o).spec().unknownFields().get("affinity").has("podAntiAffinity"))
                .as("spec.affinity is not modelled and must be kept").isTrue()),
        manifest("admin/namespace-dev.yaml", Namespace.class, o ->
            assertThat(o.metadata().name()).isEqualTo("development")),
        manifest("service/networking/gateway.yaml", GenericObject.class, o -> {
          GenericObject gateway = (GenericObject) o;
          assertThat(gateway.kind()).isEqualTo("Gateway");
          assertThat(gateway.metadata().namespace()).isEqualTo("example-namespace");
          assertThat(gateway.field("spec").path("gatewayClassName").asText())
              .isEqualTo("example-class");
        }),
        manifest("application/guestbook/redis-leader-deployment.yaml", Deployment.class, o ->
            assertThat(((Deployment) o).spec().template().spec().containers().get(0)
                .resources().requests()).isEqualTo(Map.of("cpu", "100m", "memory", "100Mi"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realManifests")
  @Graded(exercise = "0.3", points = 3)
  void realManifestsDecodeIntoTypedObjects(String file, Class<?> type, Consumer<KubeObject> check) {
    List<KubeObject> objects = Manifests.decode(resource(file));

    assertThat(objects).as("objects decoded from %s", file).hasSize(1);
    assertThat(objects.get(0)).as("type decoded from %s", file).isInstanceOf(type);
    check.accept(objects.get(0));
  }

  static Stream<String> manifestFiles() {
    return Stream.of(
        "pods/simple-pod.yaml",
        "pods/probe/http-liveness.yaml",
        "pods/probe/tcp-liveness-readiness.yaml",
        "pods/qos/qos-pod.yaml",
        "pods/pod-with-pod-affinity.yaml",
        "pods/config/example-redis-config.yaml",
        "controllers/nginx-deployment.yaml",
        "controllers/frontend.yaml",
        "controllers/job.yaml",
        "service/access/backend-service.yaml",
        "service/networking/nginx-secure-app.yaml",
        "service/networking/gateway.yaml",
        "admin/namespace-dev.yaml",
        "application/guestbook/redis-leader-deployment.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manifestFiles")
  @Graded(exercise = "0.3", points = 3)
  void realManifestsRoundTripToTheSameJsonTree(String file) throws IOException {
    String text = resource(file);
    List<JsonNode> expected = rawDocuments(text);

    List<KubeObject> objects = Manifests.decode(text);

    assertThat(objects).as("objects decoded from %s", file).hasSameSizeAs(expected);
    for (int i = 0; i < objects.size(); i++) {
      assertThat(normalised(Codec.toTree(objects.get(i))))
          .as("document %d of %s, decoded and encoded again", i + 1, file)
          .isEqualTo(normalised(expected.get(i)));
    }
  }

  @Test
  @Graded(exercise = "0.3", points = 2)
  void multiDocumentStreamKeepsOrderAndSkipsEmptyDocuments() {
    String yaml = """
        # a comment before the first document
        ---
        apiVersion: v1
        kind: Namespace
        metadata:
          name: shop
        ---
        ---
        # only a comment here
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: shop
        data:
          mode: fast
        """;

    List<KubeObject> objects = Manifests.decode(yaml);

    assertThat(objects).extracting(KubeObject::kind).containsExactly("Namespace", "ConfigMap");
    assertThat(((ConfigMap) objects.get(1)).data()).containsEntry("mode", "fast");
  }

  @Test
  @Graded(exercise = "0.3", points = 2)
  void multiDocumentFileFromTheDocsDecodesEveryDocument() {
    List<KubeObject> objects = Manifests.decode(resource("service/networking/nginx-secure-app.yaml"));

    assertThat(objects).extracting(KubeObject::kind).containsExactly("Service", "Deployment");
    Service svc = (Service) objects.get(0);
    assertThat(svc.spec().type()).isEqualTo("NodePort");
    assertThat(svc.spec().ports()).extracting(p -> p.name()).containsExactly("http", "https");
    assertThat(svc.spec().ports().get(0).targetPort()).isEqualTo(IntOrString.of(80));
    Deployment d = (Deployment) objects.get(1);
    assertThat(d.spec().template().spec().unknownFields()).containsKey("volumes");
  }

  @Test
  @Graded(exercise = "0.3", points = 2)
  void jsonListsAreFlattenedAndTypedListItemsGetTheirKind() {
    String list = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"}},
          {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "b"}}
        ]}
        """;
    String podList = """
        {"apiVersion": "v1", "kind": "PodList", "metadata": {"resourceVersion": "7"},
         "items": [{"metadata": {"name": "p1"}}, {"metadata": {"name": "p2"}}]}
        """;

    assertThat(Manifests.decode(list))
        .extracting(o -> o.getClass().getSimpleName() + "/" + o.metadata().name())
        .containsExactly("Pod/a", "Deployment/b");
    assertThat(Manifests.decode(podList))
        .allSatisfy(o -> assertThat(o).isInstanceOf(Pod.class))
        .extracting(o -> o.metadata().name())
        .containsExactly("p1", "p2");
  }

  @Test
  @Graded(exercise = "0.3", points = 2)
  void unknownFieldsArePreservedAtEveryLevel() throws IOException {
    String yaml = """
        apiVersion: v1
        kind: Pod
        topLevelExtra: 1
        metadata:
          name: web
          managedFields: [{manager: kubectl}]
        spec:
          hostNetwork: true
          containers:
          - name: web
            image: nginx
            securityContext: {privileged: false, runAsUser: 1000}
            ports:
            - containerPort: 80
              appProtocol: http
            readinessProbe:
              exec: {command: [cat, /ready]}
              terminationGracePeriodSeconds: 5
        status:
          phase: Running
          podIPs: [{ip: 10.0.0.1}]
        """;

    Pod pod = (Pod) Manifests.decodeOne(yaml);

    assertThat(pod.unknownFields()).containsKey("topLevelExtra");
    assertThat(pod.metadata().unknownFields()).containsKey("managedFields");
    assertThat(pod.spec().unknownFields()).containsKey("hostNetwork");
    assertThat(pod.spec().containers().get(0).unknownFields()).containsKey("securityContext");
    assertThat(pod.spec().containers().get(0).ports().get(0).unknownFields())
        .containsKey("appProtocol");
    assertThat(pod.status().unknownFields()).containsKey("podIPs");
    assertThat(normalised(Codec.toTree(pod))).isEqualTo(normalised(rawDocuments(yaml).get(0)));
  }

  static Stream<Arguments> malformedManifests() {
    return Stream.of(
        Arguments.of("bad YAML", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n",
            1, "line"),
        Arguments.of("missing kind", "apiVersion: v1\nmetadata:\n  name: x\n", 1, "kind"),
        Arguments.of("missing apiVersion in 2nd document",
            "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: Pod\n", 2,
            "apiVersion"),
        Arguments.of("wrong field type",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: three\n",
            1, "spec.replicas"),
        Arguments.of("a list where an object belongs",
            "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: nginx\n", 1,
            "spec.containers"),
        Arguments.of("not an object", "- just\n- a list\n", 1, "object"),
        Arguments.of("bad JSON", "{\"apiVersion\": \"v1\", \"kind\": }", 1, "line"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedManifests")
  @Graded(exercise = "0.3", points = 3)
  void malformedInputIsAManifestExceptionNamingDocumentAndProblem(
      String name, String text, int document, String mentioned) {
    assertThatThrownBy(() -> Manifests.decode(text))
        .as(name)
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("document " + document)
        .hasMessageContaining(mentioned)
        .satisfies(e -> assertThat(((ManifestException) e).document()).isEqualTo(document));
  }

  @Test
  @Graded(exercise = "0.3", points = 2)
  void yamlEncodingRoundTripsAndOmitsEmptyFields() {
    Pod pod = new Pod(ObjectMeta.named("default", "web"),
        PodSpec.of(List.of(Container.of("web", "nginx:1.27"))), null);
    Namespace ns = new Namespace(ObjectMeta.named("shop"), null, null);

    String yaml = Manifests.toYaml(List.of(pod, ns));

    assertThat(yaml.split("\n")).filteredOn(line -> line.equals("---")).hasSize(1);
    assertThat(yaml).doesNotContain("null").doesNotContain("[]").doesNotContain("{}");
    assertThat(Manifests.decode(yaml)).containsExactly(pod, ns);
  }

  @Test
  @Graded(exercise = "0.3", points = 1)
  void jsonEncodingIsOneObjectOrAList() throws IOException {
    Pod pod = new Pod(ObjectMeta.named("default", "web"),
        PodSpec.of(List.of(Container.of("web", "nginx"))), null);
    ObjectMapper json = new ObjectMapper();

    JsonNode one = json.readTree(Manifests.toJson(List.of(pod)));
    JsonNode two = json.readTree(Manifests.toJson(List.of(pod, pod)));

    assertThat(one).isEqualTo(json.readTree("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"web","namespace":"default"},
         "spec":{"containers":[{"name":"web","image":"nginx"}]}}"""));
    assertThat(two.path("kind").asText()).isEqualTo("List");
    assertThat(two.path("apiVersion").asText()).isEqualTo("v1");
    assertThat(two.path("items")).hasSize(2).allSatisfy(item -> assertThat(item).isEqualTo(one));
  }
}
