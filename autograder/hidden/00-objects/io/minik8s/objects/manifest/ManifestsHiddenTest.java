package io.minik8s.objects.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.GenericObject;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.Event;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Secret;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ManifestsHiddenTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode normalised(Object treeOrObject) throws IOException {
    String text = treeOrObject instanceof JsonNode n ? JSON.writeValueAsString(n)
        : Codec.toJson(treeOrObject);
    return JSON.readTree(text);
  }

  static JsonNode yamlTree(String yaml) throws IOException {
    return normalised(new YAMLMapper().readTree(yaml));
  }

  @Test
  @Graded(exercise = "0.3", points = 2,
      hint = "Probe actions, ports given as numbers and every modelled field must survive decoding;"
          + " check tcpSocket and readinessProbe on a real documentation manifest.")
  void tcpProbeManifestFromTheDocsDecodesAndRoundTrips() throws IOException {
    String text;
    try (InputStream in = getClass().getResourceAsStream(
        "/manifests/pods/probe/tcp-liveness-readiness.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    Pod pod = (Pod) Manifests.decodeOne(text);

    Container c = pod.spec().containers().get(0);
    assertThat(c.readinessProbe().tcpSocket().port()).isEqualTo(IntOrString.of(8080));
    assertThat(c.readinessProbe().initialDelaySeconds()).isEqualTo(15);
    assertThat(c.livenessProbe().periodSeconds()).isEqualTo(10);
    assertThat(normalised(pod)).isEqualTo(yamlTree(text));
  }

  @Test
  @Graded(exercise = "0.3", points = 2,
      hint = "Every course kind (Secret, Node, Lease, Event, Endpoints) must decode to its own"
          + " record by apiVersion and kind, and encode back to the same tree.")
  void otherCourseKindsDecodeToTheirRecords() throws IOException {
    String yaml = """
        ---
        {
          apiVersion: "v1",
          kind: "Secret",
          metadata: {
            name: "test-secret",
          },
          data: {
            username: "bXktYXBw",
            password: "Mzk1MjgkdmRnN0pi",
          },
        }
        ---
        apiVersion: v1
        kind: Node
        metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
        spec:
          podCIDR: 10.244.1.0/24
          taints: [{key: node.kubernetes.io/not-ready, effect: NoSchedule}]
        status:
          capacity: {cpu: "4", memory: 8Gi, pods: "110"}
          conditions: [{type: Ready, status: "True", lastHeartbeatTime: "2024-05-01T10:00:00Z"}]
          addresses: [{type: InternalIP, address: 127.0.0.1}]
          nodeInfo: {kubeletVersion: v1.30.0}
        ---
        apiVersion: coordination.k8s.io/v1
        kind: Lease
        metadata: {name: n1, namespace: kube-node-lease}
        spec:
          holderIdentity: n1
          leaseDurationSeconds: 40
          renewTime: "2024-05-01T10:00:00.123456Z"
        ---
        apiVersion: v1
        kind: Event
        metadata: {name: web.17, namespace: default}
        involvedObject: {kind: Pod, name: web, namespace: default}
        reason: Scheduled
        message: Successfully assigned default/web to n1
        type: Normal
        count: 1
        ---
        apiVersion: v1
        kind: Endpoints
        metadata: {name: web, namespace: default}
        subsets:
        - addresses: [{ip: 127.1.0.5, nodeName: n1, targetRef: {kind: Pod, name: web-1}}]
          ports: [{port: 8080, protocol: TCP}]
        """;

    List<KubeObject> objects = Manifests.decode(yaml);

    assertThat(objects).extracting(o -> o.getClass().getSimpleName())
        .containsExactly("Secret", "Node", "Lease", "Event", "Endpoints");
    assertThat(((Secret) objects.get(0)).data()).containsEntry("username", "bXktYXBw");
    Node node = (Node) objects.get(1);
    assertThat(node.spec().taints().get(0).effect()).isEqualTo("NoSchedule");
    assertThat(node.status().capacity()).containsEntry("memory", "8Gi");
    assertThat(node.status().conditions().get(0).isTrue()).isTrue();
    assertThat(((Lease) objects.get(2)).spec().renewTime())
        .isEqualTo("2024-05-01T10:00:00.123456Z");
    assertThat(((Event) objects.get(3)).involvedObject().name()).isEqualTo("web");
    assertThat(((Endpoints) objects.get(4)).subsets().get(0).addresses().get(0).ip())
        .isEqualTo("127.1.0.5");
    List<JsonNode> raw = new YAMLMapper().readerFor(JsonNode.class).<JsonNode>readValues(yaml)
        .readAll();
    for (int i = 0; i < objects.size(); i++) {
      assertThat(normalised(objects.get(i))).as("document %d", i + 1)
          .isEqualTo(normalised(raw.get(i)));
    }
  }

  @Test
  @Graded(exercise = "0.3", points = 2,
      hint = "Document numbers count every document of the stream, including empty ones, so that"
          + " a user can find the broken one.")
  void documentNumbersCountEmptyDocuments() {
    String yaml = """
        apiVersion: v1
        kind: Namespace
        metadata: {name: a}
        ---
        ---
        apiVersion: v1
        metadata: {name: b}
        """;

    assertThatThrownBy(() -> Manifests.decode(yaml))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("kind")
        .satisfies(e -> assertThat(((ManifestException) e).document()).isEqualTo(3));
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "A syntax error must report the document and the line where the parser stopped.")
  void syntaxErrorsReportTheLine() {
    String yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\n"
        + "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n   bad: indentation\n";

    assertThatThrownBy(() -> Manifests.decode(yaml))
        .isInstanceOf(ManifestException.class)
        .satisfies(e -> {
          ManifestException m = (ManifestException) e;
          assertThat(m.document()).isEqualTo(2);
          assertThat(m.line()).isBetween(8, 10);
          assertThat(m.getMessage()).startsWith("document 2, line ");
        });
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "JSON input may hold several objects one after another, like a stream of documents.")
  void concatenatedJsonObjectsAreSeveralDocuments() {
    String json = """
        {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "a"}}
        {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c", "namespace": "a"},
         "data": {"k": "v"}}
        """;

    assertThat(Manifests.decode(json)).extracting(KubeObject::kind)
        .containsExactly("Namespace", "ConfigMap");
  }

  @Test
  @Graded(exercise = "0.3", points = 2,
      hint = "Lists nest (a List may contain a typed list); typed list items inherit apiVersion and"
          + " the kind without \"List\"; errors inside items name the item index.")
  void listsNestAndItemErrorsNameTheItem() {
    String nested = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "ServiceList", "items": [
            {"metadata": {"name": "s1"}, "spec": {"ports": [{"port": 80}]}}]},
          {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
        ]}
        """;
    String broken = """
        {"apiVersion": "v1", "kind": "List", "items": [
          {"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": "ok"}},
          {"apiVersion": "v1", "metadata": {"name": "no-kind"}}
        ]}
        """;

    List<KubeObject> objects = Manifests.decode(nested);
    assertThat(objects).hasSize(2);
    assertThat(objects.get(0)).isInstanceOf(Service.class);
    assertThat(((Service) objects.get(0)).apiVersion()).isEqualTo("v1");
    assertThat(objects.get(1)).isInstanceOf(GenericObject.class);
    assertThatThrownBy(() -> Manifests.decode(broken))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("items[1]")
        .hasMessageContaining("kind");
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "apiVersion and kind must be non-empty strings; anything else is a ManifestException.")
  void apiVersionAndKindMustBeNonEmptyStrings() {
    assertThatThrownBy(() -> Manifests.decode("apiVersion: v1\nkind: \"\"\n"))
        .isInstanceOf(ManifestException.class).hasMessageContaining("kind");
    assertThatThrownBy(() -> Manifests.decode("apiVersion: 1\nkind: Pod\n"))
        .isInstanceOf(ManifestException.class).hasMessageContaining("apiVersion");
    assertThatThrownBy(() -> Manifests.decode("just a string\n"))
        .isInstanceOf(ManifestException.class).hasMessageContaining("document 1");
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "decodeOne accepts exactly one object; empty input decodes to no objects at all.")
  void emptyInputHasNoObjectsAndDecodeOneWantsExactlyOne() {
    assertThat(Manifests.decode("")).isEmpty();
    assertThat(Manifests.decode("---\n# nothing\n---\n")).isEmpty();
    assertThatThrownBy(() -> Manifests.decodeOne(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"a\"}}\n"
            + "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"b\"}}"))
        .isInstanceOf(ManifestException.class);
  }

  @Test
  @Graded(exercise = "0.3", points = 2,
      hint = "Strings that look like numbers or booleans must stay strings through a YAML round"
          + " trip; an empty list encodes to an empty stream.")
  void yamlKeepsStringsThatLookLikeNumbers() {
    ConfigMap cm = new ConfigMap(ObjectMeta.named("default", "settings"),
        Map.of("port", "8080", "enabled", "true", "ratio", "1.5", "nothing", "null"));
    Service svc = (Service) Manifests.decodeOne("""
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec:
          ports: [{port: 80, targetPort: "8080"}, {port: 81, targetPort: 8081}]
        """);

    List<KubeObject> back = Manifests.decode(Manifests.toYaml(List.of(cm, svc)));

    assertThat(back).containsExactly(cm, svc);
    assertThat(((Service) back.get(1)).spec().ports().get(0).targetPort())
        .isEqualTo(IntOrString.of("8080"));
    assertThat(Manifests.toYaml(List.of())).isEmpty();
  }

  @Test
  @Graded(exercise = "0.3", points = 1,
      hint = "Zero objects encode as a v1 List with no items, not as an empty string.")
  void noObjectsEncodeAsAnEmptyList() throws IOException {
    JsonNode list = JSON.readTree(Manifests.toJson(List.of()));

    assertThat(list.path("kind").asText()).isEqualTo("List");
    assertThat(list.path("items").isArray()).isTrue();
    assertThat(list.path("items")).isEmpty();
  }
}
