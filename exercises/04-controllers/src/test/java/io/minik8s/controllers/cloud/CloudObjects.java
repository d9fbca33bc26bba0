package io.minik8s.controllers.cloud;

import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.LoadBalancerStatus;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.NodeAddress;
import io.minik8s.objects.api.core.NodeSpec;
import io.minik8s.objects.api.core.NodeStatus;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.api.core.ServiceStatus;
import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;

/** Builders for the Services and Nodes the cloud controller tests put in caches. */
final class CloudObjects {

  static final String T0 = "2026-01-01T00:00:00Z";

  private CloudObjects() {}

  /** A Service of {@code type} with port 80 -> 8080, node port 30080. */
  static Service service(String name, String type) {
    ServicePort port = new ServicePort("http", 80, IntOrString.of(8080)).withNodePort(30080);
    return new Service(ObjectMeta.named("default", name).withUid("uid-" + name)
            .withResourceVersion("1"),
        new ServiceSpec(type, Map.of("app", name), List.of(port)).withClusterIP("10.96.0.10"),
        null);
  }

  static Service withFinalizers(Service service, String... finalizers) {
    return service.withMetadata(service.metadata().withFinalizers(List.of(finalizers)));
  }

  static Service deleting(Service service) {
    return service.withMetadata(service.metadata().withDeletionTimestamp(T0));
  }

  static Service withIngress(Service service, String ip) {
    return service.withStatus(new ServiceStatus(
        new LoadBalancerStatus(List.of(new LoadBalancerStatus.Ingress(ip, null)))));
  }

  /** A node with a Ready condition of {@code ready} ("True", "False", "Unknown" or null: none). */
  static Node node(String name, String ready) {
    List<Condition> conditions = ready == null ? List.of()
        : List.of(Condition.of("Ready", ready, "KubeletReady", "", T0));
    return new Node(ObjectMeta.named(name).withUid("uid-" + name).withResourceVersion("1"),
        new NodeSpec(null, null, List.of()),
        new NodeStatus(Map.of(), Map.of(), conditions,
            List.of(new NodeAddress("InternalIP", "10.0.0." + (name.hashCode() & 0x7f)))));
  }

  static Node withPodCidr(Node node, String cidr) {
    return node.withSpec(new NodeSpec(cidr, null, null, node.spec().unschedulable(),
        node.spec().taints(), Map.of()));
  }

  static Node withTaints(Node node, Taint... taints) {
    return node.withSpec(node.spec().withTaints(List.of(taints)));
  }

  static Node withLabel(Node node, String key) {
    return node.withMetadata(node.metadata().withLabels(Map.of(key, "")));
  }

  static Node withProviderId(Node node, String providerId) {
    return node.withSpec(new NodeSpec(node.spec().podCIDR(), null, providerId,
        node.spec().unschedulable(), node.spec().taints(), Map.of()));
  }
}
