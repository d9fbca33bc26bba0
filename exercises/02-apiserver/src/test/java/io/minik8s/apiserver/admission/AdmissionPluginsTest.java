package io.minik8s.apiserver.admission;

import static io.minik8s.apiserver.admission.Admissions.create;
import static io.minik8s.apiserver.admission.Admissions.delete;
import static io.minik8s.apiserver.admission.Admissions.object;
import static io.minik8s.apiserver.admission.Admissions.type;
import static io.minik8s.apiserver.admission.Admissions.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.api.core.ResourceQuota;
import io.minik8s.objects.api.core.ResourceQuotaSpec;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.scheme.ResourceType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdmissionPluginsTest {

  static final ResourceType PODS = type("", "pods");
  static final ResourceType SERVICES = type("", "services");
  static final ResourceType NAMESPACES = type("", "namespaces");

  static Unstructured pod(String name, String cpu) {
    return object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: team-a}
        spec:
          containers:
          - name: web
            image: nginx:1.27
            ports: [{containerPort: 80}]
            resources: {requests: {cpu: %s}}
        """.formatted(name, cpu));
  }

  static Unstructured service(String name, String extra) {
    return object("""
        apiVersion: v1
        kind: Service
        metadata: {name: %s, namespace: team-a}
        spec:
          selector: {app: web}
          ports: [{port: 80}]
          %s
        """.formatted(name, extra));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "nginx, Always",
      "nginx:latest, Always",
      "nginx:1.27, IfNotPresent",
      "localhost:5000/web, Always",
      "localhost:5000/web:2, IfNotPresent",
      "nginx@sha256:abc, IfNotPresent"})
  @Graded(exercise = "2.4", points = 2)
  void imagePullPolicyFollowsTheTag(String image, String expected) {
    assertThat(PodDefaults.pullPolicy(image)).as("pull policy of image %s", image)
        .isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void podDefaultsFillWhatIsMissingAndKeepWhatIsSet() {
    Unstructured pod = pod("web", "100m");
    pod.json().with("spec").put("restartPolicy", "Never");
    new PodDefaults().admit(create(PODS, pod));

    assertThat(pod.at("spec.restartPolicy").asText()).as("a set restartPolicy is kept")
        .isEqualTo("Never");
    assertThat(pod.at("spec.terminationGracePeriodSeconds").asLong()).isEqualTo(30);
    assertThat(pod.at("spec.dnsPolicy").asText()).isEqualTo("ClusterFirst");
    assertThat(pod.at("spec.schedulerName").asText()).isEqualTo("default-scheduler");
    assertThat(pod.json().at("/spec/containers/0/imagePullPolicy").asText())
        .isEqualTo("IfNotPresent");
    assertThat(pod.json().at("/spec/containers/0/terminationMessagePath").asText())
        .isEqualTo("/dev/termination-log");
    assertThat(pod.json().at("/spec/containers/0/ports/0/protocol").asText())
        .as("container port protocol").isEqualTo("TCP");
    assertThat(pod.at("status.phase").asText()).as("phase of a created pod")
        .isEqualTo("Pending");
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void clusterIpsAreDistinctAndInsideTheRangeSkippingReservedAddresses() {
    FakeRegistries registries = new FakeRegistries();
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries,
        new AdmissionConfig("10.96.0.0/29", 30000, 30002, 7));
    Set<String> seen = new HashSet<>();
    // a /29 has 8 addresses: .0 network, .1 kubernetes, .7 broadcast: 5 usable
    for (int i = 0; i < 5; i++) {
      Unstructured svc = service("s" + i, "");
      plugin.admit(create(SERVICES, svc));
      String ip = svc.at("spec.clusterIP").asText();
      assertThat(ip).as("ClusterIP #%d", i)
          .isIn("10.96.0.2", "10.96.0.3", "10.96.0.4", "10.96.0.5", "10.96.0.6");
      assertThat(seen.add(ip)).as("ClusterIP %s handed out twice", ip).isTrue();
      assertThat(svc.json().at("/spec/clusterIPs/0").asText()).isEqualTo(ip);
      registries.with(SERVICES, svc);
    }
    assertThatThrownBy(() -> plugin.admit(create(SERVICES, service("full", ""))))
        .as("a sixth Service in a full /29").isInstanceOf(ApiException.class);
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void requestedClusterIpIsHonouredOrRefusedWhenTaken() {
    FakeRegistries registries = new FakeRegistries();
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries, AdmissionConfig.defaults());
    Unstructured first = service("a", "clusterIP: 10.96.0.10");
    plugin.admit(create(SERVICES, first));
    assertThat(first.at("spec.clusterIP").asText()).isEqualTo("10.96.0.10");
    registries.with(SERVICES, first);

    assertThatThrownBy(() -> plugin.admit(create(SERVICES, service("b",
        "clusterIP: 10.96.0.10"))))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo("Service \"b\" is invalid: spec.clusterIPs: "
              + "Invalid value: [\"10.96.0.10\"]: failed to allocate IP 10.96.0.10: "
              + "provided IP is already allocated");
        });
    Unstructured headless = service("h", "clusterIP: None");
    plugin.admit(create(SERVICES, headless));
    assertThat(headless.at("spec.clusterIP").asText()).as("headless Service").isEqualTo("None");
  }

  @Test
  @Graded(exercise = "2.4", points = 1)
  void nodePortServicesGetNodePortsFromTheRange() {
    FakeRegistries registries = new FakeRegistries();
    ServiceIpAllocation plugin = new ServiceIpAllocation(registries,
        new AdmissionConfig("10.96.0.0/12", 30000, 30001, 3));
    Unstructured a = service("a", "type: NodePort");
    plugin.admit(create(SERVICES, a));
    registries.with(SERVICES, a);
    Unstructured b = service("b", "type: NodePort");
    plugin.admit(create(SERVICES, b));
    int portA = a.json().at("/spec/ports/0/nodePort").asInt();
    int portB = b.json().at("/spec/ports/0/nodePort").asInt();
    assertThat(Set.of(portA, portB)).as("node ports of two services in range 30000-30001")
        .containsExactlyInAnyOrder(30000, 30001);
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void namespaceLifecycleRefusesMissingTerminatingAndImmortal() {
    FakeRegistries registries = new FakeRegistries().with(
        new Namespace(ObjectMeta.named("team-a"), null, new NamespaceStatus("Active")),
        new Namespace(ObjectMeta.named("old"), null, new NamespaceStatus("Terminating")));
    NamespaceLifecycle plugin = new NamespaceLifecycle(registries);
    plugin.validate(create(PODS, pod("web", "1")));

    Unstructured inMissing = pod("web", "1");
    inMissing.setNamespace("nope");
    assertThatThrownBy(() -> plugin.validate(create(PODS, inMissing)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("namespaces \"nope\" not found"));
    Unstructured inOld = pod("web", "1");
    inOld.setNamespace("old");
    assertThatThrownBy(() -> plugin.validate(create(PODS, inOld)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("pods \"web\" is forbidden: unable to create new content in namespace"
                + " old because it is being terminated"));
    assertThatThrownBy(() -> plugin.validate(delete(NAMESPACES, "", "kube-system")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("namespaces \"kube-system\" is forbidden: this namespace may not be"
                + " deleted"));
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void serviceAccountIsDefaultedAndMustExist() {
    FakeRegistries registries = new FakeRegistries()
        .with(new ServiceAccount(ObjectMeta.named("team-a", "default")));
    ServiceAccountAdmission plugin = new ServiceAccountAdmission(registries);
    Unstructured pod = pod("web", "1");
    plugin.admit(create(PODS, pod));
    assertThat(pod.at("spec.serviceAccountName").asText()).isEqualTo("default");
    plugin.validate(create(PODS, pod));

    Unstructured robot = pod("web", "1");
    robot.json().with("spec").put("serviceAccountName", "robot");
    assertThatThrownBy(() -> plugin.validate(create(PODS, robot)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(403);
          assertThat(e.getMessage()).isEqualTo("pods \"web\" is forbidden: error looking up"
              + " service account team-a/robot: serviceaccount \"robot\" not found");
        });
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void resourceQuotaRefusesThePodThatExceedsIt() {
    FakeRegistries registries = new FakeRegistries().with(new ResourceQuota(
        ObjectMeta.named("team-a", "compute"),
        new ResourceQuotaSpec(Map.of("pods", "2", "requests.cpu", "1"))));
    registries.with(PODS, pod("p1", "300m")).with(PODS, pod("p2", "300m"));
    ResourceQuotaAdmission plugin = new ResourceQuotaAdmission(registries);

    assertThatThrownBy(() -> plugin.validate(create(PODS, pod("p3", "500m"))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("pods \"p3\" is forbidden: exceeded quota: compute, requested: "
                + "pods=1,requests.cpu=500m, used: pods=2,requests.cpu=600m, limited: "
                + "pods=2,requests.cpu=1"));
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void podSpecIsImmutableExceptImages() {
    ImmutableFields plugin = new ImmutableFields();
    Unstructured old = pod("web", "1");
    Unstructured newImage = pod("web", "1");
    ((com.fasterxml.jackson.databind.node.ObjectNode) newImage.json().at("/spec/containers/0"))
        .put("image", "nginx:2");
    plugin.validate(update(PODS, newImage, old));

    Unstructured newCpu = pod("web", "2");
    assertThatThrownBy(() -> plugin.validate(update(PODS, newCpu, old)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).startsWith("Pod \"web\" is invalid: spec: Forbidden: pod"
              + " updates may not change fields other than `spec.containers[*].image`");
        });
  }

  @Test
  @Graded(exercise = "2.4", points = 2)
  void chainRunsEveryMutatingPluginBeforeAnyValidatingOne() {
    java.util.List<String> calls = new java.util.ArrayList<>();
    MutatingAdmission m = new MutatingAdmission() {
      public String name() { return "M"; }
      public boolean handles(AdmissionRequest r) { return true; }
      public void admit(AdmissionRequest r) { calls.add("mutate"); }
    };
    MutatingAdmission skipped = new MutatingAdmission() {
      public String name() { return "Skipped"; }
      public boolean handles(AdmissionRequest r) { return false; }
      public void admit(AdmissionRequest r) { calls.add("skipped"); }
    };
    ValidatingAdmission v = new ValidatingAdmission() {
      public String name() { return "V"; }
      public boolean handles(AdmissionRequest r) { return true; }
      public void validate(AdmissionRequest r) { calls.add("validate"); }
    };
    new AdmissionChain(java.util.List.of(m, skipped, m), java.util.List.of(v))
        .admit(create(PODS, pod("web", "1")));
    assertThat(calls).as("plugin calls in order").containsExactly("mutate", "mutate", "validate");
  }

  @Test
  @Graded(exercise = "2.4", points = 1)
  void schemaValidationAnswers422WithTheFieldErrors() {
    Unstructured bad = object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: web, namespace: team-a}
        spec:
          containers: [{name: web}]
        """);
    assertThatThrownBy(() -> new SchemaValidation().validate(create(PODS, bad)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(422);
          assertThat(e.getMessage()).isEqualTo(
              "Pod \"web\" is invalid: spec.containers[0].image: Required value");
        });
  }
}
