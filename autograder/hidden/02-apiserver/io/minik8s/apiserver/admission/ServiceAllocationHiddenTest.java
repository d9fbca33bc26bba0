package io.minik8s.apiserver.admission;

import static io.minik8s.apiserver.admission.Admissions.create;
import static io.minik8s.apiserver.admission.Admissions.object;
import static io.minik8s.apiserver.admission.Admissions.type;
import static io.minik8s.apiserver.admission.Admissions.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.ResourceType;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** More cases of ServiceIpAllocation: the range edges, node ports, updates, what counts as used. */
class ServiceAllocationHiddenTest {

  static final ResourceType SERVICES = type("", "services");

  /** A /29: offsets 0 (network) .. 7 (broadcast); node ports 30000-30001. */
  static final AdmissionConfig SMALL = new AdmissionConfig("10.96.0.0/29", 30000, 30001, 5);

  static Unstructured service(String namespace, String name, String spec) {
    return object("""
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: %s}
        spec: %s
        """.formatted(name, namespace, spec));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "10.96.0.0, refused",
      "10.96.0.1, ok",
      "10.96.0.6, ok",
      "10.96.0.7, refused",
      "10.96.0.8, refused",
      "10.95.255.255, refused"})
  @Graded(exercise = "2.4", points = 1, hint = "A requested ClusterIP must be a host address of"
      + " the service CIDR: not the network address nor the last address of the range.")
  void requestedClusterIpMustBeAHostAddressOfTheRange(String ip, String outcome) {
    ServiceIpAllocation plugin = new ServiceIpAllocation(new FakeRegistries(), SMALL);
    Unstructured svc = service("ns", "s", "{clusterIP: " + ip + ", ports: [{port: 80}]}");
    if (outcome.equals("ok")) {
      plugin.admit(create(SERVICES, svc));
      assertThat(svc.at("spec.clusterIP").asText()).as("requested %s", ip).isEqualTo(ip);
      assertThat(svc.json().at("/spec/clusterIPs/0").asText()).as("clusterIPs[0]").isEqualTo(ip);
    } else {
      assertThatThrownBy(() -> plugin.admit(create(SERVICES, svc)))
          .as("requested %s in 10.96.0.0/29", ip)
          .isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.getMessage()).isEqualTo("Service \"s\" is invalid: spec.clusterIPs: "
                + "Invalid value: [\"" + ip + "\"]: failed to allocate IP " + ip
                + ": provided IP is not in the valid range. The range of valid IPs is"
                + " 10.96.0.0/29");
          });
    }
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "When every usable address is taken, allocation"
      + " fails with 422 'failed to allocate a serviceIP: range is full'.")
  void fullRangeIsA422NamingTheProblem() {
    FakeRegistries registries = new FakeRegistries();
    for (int i = 2; i <= 6; i++) {
      registries.with(SERVICES, service("ns", "s" + i, "{clusterIP: 10.96.0." + i + "}"));
    }
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries, SMALL);
    assertThatThrownBy(() -> plugin.admit(create(SERVICES, service("ns", "new", "{}"))))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).contains("failed to allocate a serviceIP: range is full");
        });
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "Addresses already held count as used whether"
      + " stored in spec.clusterIP or only in spec.clusterIPs; a Service's own address (same"
      + " namespace and name) does not block it.")
  void usedAddressesComeFromOtherStoredServices() {
    FakeRegistries registries = new FakeRegistries();
    // .2 .. .5 taken, .2/.3 only through clusterIPs; the only free address is .6
    registries.with(SERVICES, service("ns", "a", "{clusterIPs: [10.96.0.2]}"));
    registries.with(SERVICES, service("ns", "b", "{clusterIPs: [10.96.0.3]}"));
    registries.with(SERVICES, service("other", "c", "{clusterIP: 10.96.0.4}"));
    registries.with(SERVICES, service("ns", "d", "{clusterIP: 10.96.0.5}"));
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries, SMALL);
    Unstructured fresh = service("ns", "fresh", "{}");
    plugin.admit(create(SERVICES, fresh));
    assertThat(fresh.at("spec.clusterIP").asText()).as("the one free address").isEqualTo("10.96.0.6");

    // updating d with its own address is fine
    Unstructured stored = service("ns", "d", "{clusterIP: 10.96.0.5}");
    Unstructured again = service("ns", "d", "{clusterIP: 10.96.0.5}");
    plugin.admit(update(SERVICES, again, stored));
    assertThat(again.at("spec.clusterIP").asText()).isEqualTo("10.96.0.5");

    // a Service named c in ANOTHER namespace than the holder of .4 may not take it
    assertThatThrownBy(() -> plugin.admit(create(SERVICES,
        service("ns", "c", "{clusterIP: 10.96.0.4}"))))
        .as("ns/c requesting the address of other/c").isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.getMessage()).contains("provided IP is already allocated"));
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "An allocated address also sets ipFamilies [IPv4]"
      + " and ipFamilyPolicy SingleStack; ExternalName Services get no ClusterIP at all.")
  void ipFamiliesAndExternalName() {
    ServiceIpAllocation plugin = new ServiceIpAllocation(new FakeRegistries(), SMALL);
    Unstructured svc = service("ns", "s", "{ports: [{port: 80}]}");
    plugin.admit(create(SERVICES, svc));
    assertThat(svc.json().at("/spec/ipFamilies/0").asText()).as("ipFamilies[0]").isEqualTo("IPv4");
    assertThat(svc.at("spec.ipFamilyPolicy").asText()).isEqualTo("SingleStack");

    Unstructured headless = service("ns", "h", "{clusterIP: None}");
    plugin.admit(create(SERVICES, headless));
    assertThat(headless.json().at("/spec/clusterIPs/0").asText()).isEqualTo("None");
    assertThat(headless.json().at("/spec").has("ipFamilies")).as("headless has no ipFamilies")
        .isFalse();

    Unstructured external = service("ns", "x",
        "{type: ExternalName, externalName: example.com, ports: [{port: 80}]}");
    plugin.admit(create(SERVICES, external));
    assertThat(external.json().at("/spec").has("clusterIP")).as("ExternalName clusterIP").isFalse();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "29999, 'provided port is not in the valid range. The range of valid ports is 30000-30001'",
      "30002, 'provided port is not in the valid range. The range of valid ports is 30000-30001'",
      "30000, 'provided port is already allocated'"})
  @Graded(exercise = "2.4", points = 1, hint = "A requested nodePort must lie in the node port"
      + " range and be free; the error names spec.ports[i].nodePort.")
  void requestedNodePortMustBeInRangeAndFree(int port, String why) {
    FakeRegistries registries = new FakeRegistries().with(SERVICES,
        service("ns", "a", "{type: NodePort, clusterIP: 10.96.0.2,"
            + " ports: [{port: 80, nodePort: 30000}]}"));
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries, SMALL);
    Unstructured svc = service("ns", "s", "{type: NodePort, ports: [{port: 80, nodePort: 30001},"
        + " {port: 81, nodePort: " + port + "}]}");
    assertThatThrownBy(() -> plugin.admit(create(SERVICES, svc))).as("nodePort %d", port)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("Service \"s\" is invalid: spec.ports[1].nodePort:"
              + " Invalid value: " + port + ": " + why);
        });
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "Ports of one Service never share a node port:"
      + " a requested one and the ones you pick count as used for the next port; a full range"
      + " is 422 'range is full'. LoadBalancer Services get node ports too.")
  void portsOfOneServiceGetDistinctNodePorts() {
    ServiceIpAllocation plugin = new ServiceIpAllocation(new FakeRegistries(), SMALL);
    Unstructured requested = service("ns", "r", "{type: NodePort,"
        + " ports: [{port: 80, nodePort: 30000}, {port: 81}]}");
    plugin.admit(create(SERVICES, requested));
    assertThat(requested.json().at("/spec/ports/1/nodePort").asInt()).as("second port")
        .isEqualTo(30001);

    Unstructured lb = service("ns", "lb", "{type: LoadBalancer, ports: [{port: 80}, {port: 81}]}");
    plugin.admit(create(SERVICES, lb));
    assertThat(Set.of(lb.json().at("/spec/ports/0/nodePort").asInt(),
        lb.json().at("/spec/ports/1/nodePort").asInt())).as("node ports of a LoadBalancer")
        .containsExactlyInAnyOrder(30000, 30001);

    Unstructured plain = service("ns", "p", "{ports: [{port: 80}]}");
    plugin.admit(create(SERVICES, plain));
    assertThat(plain.json().at("/spec/ports/0").has("nodePort")).as("ClusterIP Service nodePort")
        .isFalse();

    Unstructured three = service("ns", "t", "{type: NodePort,"
        + " ports: [{port: 80}, {port: 81}, {port: 82}]}");
    assertThatThrownBy(() -> plugin.admit(create(SERVICES, three)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .contains("spec.ports[2].nodePort").contains("failed to allocate a nodePort: range"
                + " is full"));
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "On UPDATE a port without a nodePort keeps the"
      + " one the stored Service had for the same port and protocol.")
  void updateKeepsNodePortsOfTheSamePortAndProtocol() {
    AdmissionConfig config = new AdmissionConfig("10.96.0.0/24", 30000, 30009, 5);
    Unstructured old = service("ns", "s", "{type: NodePort, clusterIP: 10.96.0.9, ports: ["
        + "{port: 80, nodePort: 30007}, {port: 53, protocol: UDP, nodePort: 30008}]}");
    FakeRegistries registries = new FakeRegistries().with(SERVICES, old);
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries, config);
    Unstructured sent = service("ns", "s", "{type: NodePort, ports: ["
        + "{port: 80, protocol: TCP}, {port: 53, protocol: UDP}, {port: 53, protocol: TCP}]}");
    plugin.admit(update(SERVICES, sent, old));
    assertThat(sent.at("spec.clusterIP").asText()).isEqualTo("10.96.0.9");
    assertThat(sent.json().at("/spec/ports/0/nodePort").asInt()).as("80/TCP").isEqualTo(30007);
    assertThat(sent.json().at("/spec/ports/1/nodePort").asInt()).as("53/UDP").isEqualTo(30008);
    assertThat(sent.json().at("/spec/ports/2/nodePort").asInt()).as("53/TCP is a new port")
        .isBetween(30000, 30009).isNotIn(30007, 30008);
  }
}
