package io.minik8s.controllers.endpoints;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.ContainerPort;
import io.minik8s.objects.api.core.EndpointAddress;
import io.minik8s.objects.api.core.EndpointPort;
import io.minik8s.objects.api.core.EndpointSubset;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EndpointsHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private FakeKubeClient client;
  private SharedIndexInformer<Service> services;
  private SharedIndexInformer<Pod> pods;
  private EndpointsController controller;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 7);
    client = cluster.client;
    services = cluster.informer(Service.class);
    pods = cluster.informer(Pod.class);
    controller = new EndpointsController(client, services, pods,
        cluster.informer(Endpoints.class), clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "A named targetPort matches a container port by name AND protocol (both default to "
          + "TCP); a pod without it still serves the service's other ports.")
  void namedPortMatchesProtocolAndMissingPortsOnlyDropThatPort() {
    services.indexer().add(service(Map.of("app", "dns"),
        new ServicePort("dns", "UDP", 53, IntOrString.of("dns"), null, Map.of()),
        new ServicePort("metrics", null, 9153, IntOrString.of(9153), null, Map.of())));
    pods.indexer().add(pod("udp", "10.1.0.1", Map.of("app", "dns"),
        new ContainerPort("dns", null, 5353, "UDP", null, Map.of())));
    pods.indexer().add(pod("tcp-only", "10.1.0.2", Map.of("app", "dns"),
        new ContainerPort("dns", null, 5300, null, null, Map.of())));

    controller.sync("kube-system/dns");

    List<EndpointSubset> subsets = written().subsets();
    assertThat(subsets).hasSize(2);
    EndpointSubset both = subsets.stream().filter(s -> s.ports().size() == 2).findFirst()
        .orElseThrow();
    assertThat(both.ports()).containsExactly(new EndpointPort("dns", 5353, "UDP"),
        new EndpointPort("metrics", 9153, "TCP"));
    assertThat(both.addresses()).extracting(EndpointAddress::ip).containsExactly("10.1.0.1");
    EndpointSubset metricsOnly = subsets.stream().filter(s -> s.ports().size() == 1).findFirst()
        .orElseThrow();
    assertThat(metricsOnly.ports()).containsExactly(new EndpointPort("metrics", 9153, "TCP"));
    assertThat(metricsOnly.addresses()).extracting(EndpointAddress::ip)
        .containsExactly("10.1.0.2");
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Without a targetPort, traffic goes to the service's own port number.")
  void aMissingTargetPortMeansTheServicePort() {
    services.indexer().add(service(Map.of("app", "dns"),
        new ServicePort("web", null, 8081, null, null, Map.of())));
    pods.indexer().add(pod("a", "10.1.0.1", Map.of("app", "dns")));

    controller.sync("kube-system/dns");

    assertThat(written().subsets().get(0).ports())
        .containsExactly(new EndpointPort("web", 8081, "TCP"));
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "A selector selects pods that carry every one of its labels (extra pod labels are "
          + "fine), in the service's namespace only.")
  void selectionNeedsEveryLabelOfTheSelector() {
    services.indexer().add(service(Map.of("app", "dns", "tier", "infra"),
        new ServicePort("web", null, 80, IntOrString.of(80), null, Map.of())));
    pods.indexer().add(pod("all", "10.1.0.1", Map.of("app", "dns", "tier", "infra", "x", "y")));
    pods.indexer().add(pod("half", "10.1.0.2", Map.of("app", "dns")));

    assertThat(controller.servicesSelecting(pods.indexer().getByKey("kube-system/half")
        .orElseThrow())).isEmpty();
    assertThat(controller.servicesSelecting(pods.indexer().getByKey("kube-system/all")
        .orElseThrow())).containsExactly("kube-system/dns");
    controller.sync("kube-system/dns");
    assertThat(written().subsets().get(0).addresses()).extracting(EndpointAddress::ip)
        .containsExactly("10.1.0.1");
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "When the last selected pod goes, the Endpoints are written with no subsets.")
  void noPodsLeftMeansNoSubsets() {
    services.indexer().add(service(Map.of("app", "dns"),
        new ServicePort("web", null, 80, IntOrString.of(80), null, Map.of())));
    controller.sync("kube-system/dns");
    assertThat(written().subsets()).isEmpty();
  }

  private Endpoints written() {
    return client.resource(Endpoints.class).get("kube-system", "dns");
  }

  private static Service service(Map<String, String> selector, ServicePort... ports) {
    return new Service(ObjectMeta.named("kube-system", "dns"),
        new ServiceSpec(ServiceSpec.CLUSTER_IP, selector, List.of(ports)), null);
  }

  private static Pod pod(String name, String ip, Map<String, String> labels,
      ContainerPort... ports) {
    PodStatus status = PodStatus.ofPhase(PodStatus.RUNNING)
        .withConditions(List.of(Condition.of("Ready", "True", null, null, null)))
        .withAddresses("192.168.0.1", ip);
    return new Pod(ObjectMeta.named("kube-system", name).withUid("u-" + name).withLabels(labels),
        PodSpec.of(List.of(Container.of("main", "dns").withPorts(List.of(ports)))), status);
  }
}
