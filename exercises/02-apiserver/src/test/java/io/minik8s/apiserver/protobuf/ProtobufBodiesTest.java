package io.minik8s.apiserver.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.apiserver.errors.ApiException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decoding Kubernetes protobuf request bodies. The first table holds bodies real kubectl v1.33.9
 * sent (captured from its -v=10 log), each next to the JSON {@code kubectl ... --dry-run=client -o
 * json} prints for the same command (minus {@code creationTimestamp: null}).
 */
class ProtobufBodiesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> kubectlBodies() {
    return Stream.of(
        Arguments.of("create deployment web --image=nginx --replicas=3",
            "azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EqsBCh8KA3dlYhIAGgAiACoAMgA4AEIAWgoKA2FwcBIDd2ViEnoI"
                + "AxIMCgoKA2FwcBIDd2ViGmAKHAoAEgAaACIAKgAyADgAQgBaCgoDYXBwEgN3ZWISQBIiCgVuZ2lueBIFbmdp"
                + "bngqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQ"
                + "ABgAIAAoADgAGgAiAA==",
            """
            {"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"web","labels":{"app":"web"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":
             {"labels":{"app":"web"}},"spec":{"containers":[{"name":"nginx","image":"nginx",
             "resources":{}}]}},"strategy":{}},"status":{}}"""),
        Arguments.of("create namespace x",
            "azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhkKEQoBeBIAGgAiACoAMgA4AEIAEgAaAgoAGgAiAA==",
            """
            {"kind":"Namespace","apiVersion":"v1","metadata":{"name":"x"},"spec":{},"status":{}}"""),
        Arguments.of("create configmap c --from-literal=a=b",
            "azhzAAoPCgJ2MRIJQ29uZmlnTWFwEhsKEQoBYxIAGgAiACoAMgA4AEIAEgYKAWESAWIaACIA",
            """
            {"kind":"ConfigMap","apiVersion":"v1","metadata":{"name":"c"},"data":{"a":"b"}}"""),
        Arguments.of("create secret generic s --from-literal=a=b",
            "azhzAAoMCgJ2MRIGU2VjcmV0Eh0KEQoBcxIAGgAiACoAMgA4AEIAEgYKAWESAWIaABoAIgA=",
            """
            {"kind":"Secret","apiVersion":"v1","metadata":{"name":"s"},"data":{"a":"Yg=="}}"""),
        Arguments.of("create service clusterip my --tcp=80:8080",
            "azhzAAoNCgJ2MRIHU2VydmljZRJmCh0KAm15EgAaACIAKgAyADgAQgBaCQoDYXBwEgJteRJBChsKBzgwLTgw"
                + "ODASA1RDUBhQIgcIABCQPxoAKAASCQoDYXBwEgJteRoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAi"
                + "AA==",
            """
            {"kind":"Service","apiVersion":"v1","metadata":{"name":"my","labels":{"app":"my"}},
             "spec":{"ports":[{"name":"80-8080","protocol":"TCP","port":80,"targetPort":8080}],
             "selector":{"app":"my"},"type":"ClusterIP"},"status":{"loadBalancer":{}}}"""),
        Arguments.of("create role r --verb=get --resource=pods",
            "azhzAAokChxyYmFjLmF1dGhvcml6YXRpb24uazhzLmlvL3YxEgRSb2xlEiIKEQoBchIAGgAiACoAMgA4AEIA"
                + "Eg0KA2dldBIAGgRwb2RzGgAiAA==",
            """
            {"kind":"Role","apiVersion":"rbac.authorization.k8s.io/v1","metadata":{"name":"r"},
             "rules":[{"verbs":["get"],"apiGroups":[""],"resources":["pods"]}]}"""),
        Arguments.of("create job j --image=busybox -- echo hi",
            "azhzAAoPCghiYXRjaC92MRIDSm9iEoIBChEKAWoSABoAIgAqADIAOABCABJjMmEKEAoAEgAaACIAKgAyADgA"
                + "QgASTRIqCgFqEgdidXN5Ym94GgRlY2hvGgJoaSoAQgBqAHIAgAEAiAEAkAEAogEAGgVOZXZlcjIAQgBKAFIA"
                + "WABgAGgAggEAigEAmgEAwgEAGgggACgAMAA6ABoAIgA=",
            """
            {"kind":"Job","apiVersion":"batch/v1","metadata":{"name":"j"},"spec":{"template":
             {"metadata":{},"spec":{"containers":[{"name":"j","image":"busybox","command":["echo","hi"],
             "resources":{}}],"restartPolicy":"Never"}}},"status":{}}"""),
        Arguments.of("auth can-i create pods",
            "azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSPwoQCgAS"
                + "ABoAIgAqADIAOABCABIhCh8KB2RlZmF1bHQSBmNyZWF0ZRoAIgAqBHBvZHMyADoAGggIABIAGgAgABoAIgA=",
            """
            {"kind":"SelfSubjectAccessReview","apiVersion":"authorization.k8s.io/v1","metadata":{},
             "spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"pods"}},
             "status":{"allowed":false}}"""));
  }

  @ParameterizedTest(name = "kubectl {0}")
  @MethodSource("kubectlBodies")
  void decodesWhatKubectlSends(String command, String base64, String expectedJson)
      throws Exception {
    JsonNode decoded = ProtobufBodies.decode(Base64.getDecoder().decode(base64));
    assertThat(decoded).as("decode(body of kubectl %s)", command)
        .isEqualTo(JSON.readTree(expectedJson));
  }

  @Test
  void rendersTheTypesWithTheirOwnJsonForm() throws Exception {
    Proto time = new Proto().varint(1, 1_704_067_200L); // 2024-01-01T00:00:00Z
    Proto meta = new Proto().string(1, "p").string(3, "").message(8, time)
        .message(11, new Proto().string(1, "app").string(2, "web"));
    Proto container = new Proto().string(1, "c")
        .message(8, new Proto()
            .message(1, new Proto().string(1, "cpu").message(2, new Proto().string(1, "500m"))))
        .message(7, new Proto().string(1, "K").message(3, new Proto() // env[].valueFrom
            .message(3, new Proto().message(1, new Proto().string(1, "cm")).string(2, "key"))))
        .message(6, new Proto().varint(3, 80)) // ports[].containerPort
        .message(10, new Proto().message(1, new Proto() // livenessProbe.httpGet.port "http"
            .message(2, new Proto().string(1, "/").message(2, new Proto().varint(1, 1)
                .string(3, "http")))));
    Proto spec = new Proto().message(2, container).string(3, "").varint(4, 0);
    byte[] body = envelope("v1", "Pod", new Proto().message(1, meta).message(2, spec));

    JsonNode pod = ProtobufBodies.decode(body);

    assertThat(pod.path("metadata").path("creationTimestamp").asText())
        .as("metav1.Time renders as RFC 3339").isEqualTo("2024-01-01T00:00:00Z");
    assertThat(pod.path("metadata")).as("map<string,string>; an empty namespace is left out")
        .isEqualTo(JSON.readTree("""
            {"name":"p","creationTimestamp":"2024-01-01T00:00:00Z","labels":{"app":"web"}}"""));
    JsonNode c = pod.path("spec").path("containers").path(0);
    assertThat(c.path("resources").path("limits").path("cpu").asText())
        .as("resource.Quantity renders as its string").isEqualTo("500m");
    assertThat(c.path("env").path(0).path("valueFrom").path("configMapKeyRef"))
        .as("the inline LocalObjectReference merges name into configMapKeyRef")
        .isEqualTo(JSON.readTree("{\"name\":\"cm\",\"key\":\"key\"}"));
    assertThat(c.path("ports").path(0)).as("a zero-valued port name is omitted (omitempty)")
        .isEqualTo(JSON.readTree("{\"containerPort\":80}"));
    assertThat(c.path("livenessProbe").path("httpGet"))
        .as("the inline ProbeHandler; IntOrString of type 1 is a string")
        .isEqualTo(JSON.readTree("{\"path\":\"/\",\"port\":\"http\"}"));
    assertThat(pod.path("spec").path("terminationGracePeriodSeconds").isIntegralNumber())
        .as("a pointer field set to 0 is kept (*int64 terminationGracePeriodSeconds)").isTrue();
    assertThat(pod.path("spec").has("restartPolicy")).as("an empty omitempty string is left out")
        .isFalse();
  }

  @Test
  void rendersMicroTimeBytesAndRawExtensions() throws Exception {
    // coordination/v1 Lease: spec.renewTime is a MicroTime; leaseDurationSeconds a pointer
    Proto lease = new Proto().message(1, new Proto().string(1, "l"))
        .message(2, new Proto().string(1, "me").varint(2, 0)
            .message(4, new Proto().varint(1, 1_704_067_200L).varint(2, 123_456_789)));
    assertThat(ProtobufBodies.decode(envelope("coordination.k8s.io/v1", "Lease", lease))
        .path("spec"))
        .as("Lease spec: MicroTime with 6 fractional digits, pointer zero kept")
        .isEqualTo(JSON.readTree("""
            {"holderIdentity":"me","leaseDurationSeconds":0,
             "renewTime":"2024-01-01T00:00:00.123456Z"}"""));

    Proto secret = new Proto().message(1, new Proto().string(1, "s"))
        .message(2, new Proto().string(1, "k").bytes(2, new byte[] {0, (byte) 0xFF}));
    assertThat(ProtobufBodies.decode(envelope("v1", "Secret", secret)).path("data").path("k")
        .asText()).as("bytes render as base64").isEqualTo("AP8=");

    // apps/v1 ControllerRevision.data is a RawExtension holding JSON
    Proto revision = new Proto().message(2, new Proto().bytes(1,
        "{\"spec\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8))).varint(3, 7);
    assertThat(ProtobufBodies.decode(envelope("apps/v1", "ControllerRevision", revision)))
        .as("RawExtension renders as the embedded JSON; int64 as a number")
        .isEqualTo(JSON.readTree("""
            {"apiVersion":"apps/v1","kind":"ControllerRevision",
             "data":{"spec":{"a":1}},"revision":7}"""));
  }

  @Test
  void fillsAnEmptyTypeMetaFromTheDefault() {
    byte[] body = envelope("", "", new Proto().message(1, new Proto().string(1, "x")));
    assertThat(ProtobufBodies.decode(body, "v1", "Namespace").path("kind").asText())
        .as("the URL's kind stands in for an empty typeMeta").isEqualTo("Namespace");
  }

  static Stream<Arguments> malformed() {
    byte[] ok = envelope("v1", "Namespace", new Proto().message(1, new Proto().string(1, "x")));
    Proto nested = new Proto().string(1, "x");
    byte[] deep = envelope("v1", "List", nested);
    for (int i = 0; i < 200; i++) { // a List whose item is a List whose item is ...
      deep = envelope("v1", "List", new Proto().message(2, new Proto().bytes(1, deep)));
    }
    return Stream.of(
        Arguments.of("empty body", new byte[0], "magic"),
        Arguments.of("JSON sent as protobuf", "{\"kind\":\"Pod\"}".getBytes(), "magic"),
        Arguments.of("truncated varint", cat(magic(), new byte[] {0x0a, (byte) 0x80}), "varint"),
        Arguments.of("length beyond the end", cat(magic(), new byte[] {0x0a, 0x7f, 1}), "claims"),
        Arguments.of("cut short", Arrays.copyOf(ok, ok.length - 3), "malformed"),
        Arguments.of("unknown kind", envelope("v1", "Gizmo", new Proto()), "Gizmo"),
        Arguments.of("unknown group", envelope("example.com/v1", "Foo", new Proto()), "Foo"),
        Arguments.of("no typeMeta", envelope("", "", new Proto()), "kind"),
        Arguments.of("field number 0", cat(magic(), new byte[] {0x02, 0x00}), "field number"),
        Arguments.of("wrong wire type", envelope("v1", "Namespace", new Proto().varint(1, 5)),
            "wire type"),
        Arguments.of("nested too deep", deep, "nested"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void malformedBodiesAreBadRequests(String name, byte[] body, String messagePart) {
    assertThatThrownBy(() -> ProtobufBodies.decode(body)).as(name)
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.status().code()).as("status code").isEqualTo(400))
        .hasMessageContaining(messagePart);
  }

  @ParameterizedTest(name = "{0} ns")
  @CsvSource({"0, 0s", "999, 999ns", "1500, 1.5µs", "300000000, 300ms", "1500000000, 1.5s",
      "3600000000000, 1h0m0s", "90000000000, 1m30s", "-2000000000, -2s",
      "-9223372036854775808, -2562047h47m16.854775808s"})
  void formatsDurationsLikeGo(long nanos, String expected) {
    assertThat(GoDuration.format(nanos)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "application/vnd.kubernetes.protobuf|true",
      "Application/VND.Kubernetes.Protobuf; charset=binary|true",
      "application/vnd.kubernetes.protobuf;stream=watch|true",
      "application/json|false", "|false"})
  void recognisesTheMediaType(String contentType, boolean expected) {
    assertThat(ProtobufBodies.isProtobuf(contentType)).as("isProtobuf(%s)", contentType)
        .isEqualTo(expected);
  }

  // --- a tiny protobuf encoder for hand-made bodies ---

  static byte[] envelope(String apiVersion, String kind, Proto raw) {
    Proto unknown = new Proto().message(1, new Proto().string(1, apiVersion).string(2, kind))
        .bytes(2, raw.toBytes());
    return cat(magic(), unknown.toBytes());
  }

  static byte[] magic() {
    return new byte[] {'k', '8', 's', 0};
  }

  static byte[] cat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static final class Proto {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Proto varint(int field, long value) {
      writeVarint((long) field << 3);
      writeVarint(value);
      return this;
    }

    Proto string(int field, String value) {
      return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    Proto message(int field, Proto message) {
      return bytes(field, message.toBytes());
    }

    Proto bytes(int field, byte[] value) {
      writeVarint((long) field << 3 | 2);
      writeVarint(value.length);
      out.writeBytes(value);
      return this;
    }

    byte[] toBytes() {
      return out.toByteArray();
    }

    private void writeVarint(long value) {
      while ((value & ~0x7FL) != 0) {
        out.write((int) (value & 0x7F) | 0x80);
        value >>>= 7;
      }
      out.write((int) value);
    }
  }
}
