package io.minik8s.controllers.cloud.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.controllers.cloud.CloudException;
import io.minik8s.controllers.cloud.fake.FakeCloud.Operation;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.meta.ObjectMeta;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fake cloud itself (given code, ungraded): addresses, injected failures and delays. */
class FakeCloudTest {

  private final List<Duration> slept = new ArrayList<>();
  private final FakeCloud cloud = new FakeCloud(slept::add);

  private static Service service(String name) {
    return new Service(ObjectMeta.named("default", name),
        new ServiceSpec(ServiceSpec.LOAD_BALANCER, Map.of(),
            List.of(new ServicePort("http", 80, IntOrString.of(80)))), null);
  }

  @Test
  void addressesComeFromTheDocumentationRangeLowestFreeFirst() {
    String a = cloud.ensure("k", service("a"), List.of()).ingress().get(0).ip();
    String b = cloud.ensure("k", service("b"), List.of()).ingress().get(0).ip();
    String again = cloud.ensure("k", service("a"), List.of()).ingress().get(0).ip();
    cloud.ensureDeleted("k", service("a"));
    String c = cloud.ensure("k", service("c"), List.of()).ingress().get(0).ip();

    assertThat(List.of(a, b, again, c)).as("addresses of a, b, a again, c after a's deletion")
        .containsExactly("203.0.113.1", "203.0.113.2", "203.0.113.1", "203.0.113.1");
  }

  @Test
  void failsTheNextNCallsThenRecovers() {
    cloud.failNext(Operation.ENSURE_LOAD_BALANCER, 2);

    assertThatThrownBy(() -> cloud.ensure("k", service("a"), List.of()))
        .isInstanceOf(CloudException.class).hasMessageContaining("ENSURE_LOAD_BALANCER");
    assertThatThrownBy(() -> cloud.ensure("k", service("a"), List.of()))
        .isInstanceOf(CloudException.class);
    assertThat(cloud.ensure("k", service("a"), List.of()).ingress()).hasSize(1);
    assertThat(cloud.calls(Operation.ENSURE_LOAD_BALANCER)).as("recorded calls").hasSize(3);
  }

  @Test
  void slowCallsWaitThroughTheSleeper() {
    cloud.setDelay(Operation.LIST_ROUTES, Duration.ofSeconds(3));

    cloud.list("k");
    cloud.ensure("k", service("a"), List.of());

    assertThat(slept).as("delays slept").containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void unknownInstancesExistOnlyWhenAskedAndUntilRemoved() {
    var node = new io.minik8s.objects.api.core.Node(ObjectMeta.named("n"), null, null);
    assertThat(cloud.instanceExists(node)).as("unknown machine, default").isFalse();
    cloud.setUnknownInstancesExist(true);
    assertThat(cloud.instanceExists(node)).as("unknown machine, assumed to exist").isTrue();
    cloud.removeInstance("n");
    assertThat(cloud.instanceExists(node)).as("machine removed").isFalse();
  }
}
