package io.minik8s.controllers.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.leaderelection.LeaderElectionConfig;
import io.minik8s.controllers.cloud.fake.FakeCloud;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The manager on a fake API (given code, ungraded): health endpoint and leader election. */
class ControllerManagerTest {

  private final FakeKubeClient client = new FakeKubeClient(Clock.systemUTC(), 1);
  private final HttpClient http = HttpClient.newHttpClient();

  private String get(ControllerManager manager, String path) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + manager.healthPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
    return r.statusCode() + " " + r.body().strip();
  }

  private ControllerManager manager(boolean elect, String identity) {
    return ControllerManager.builder(client, "cloud-controller-manager")
        .controllers(ControllerTable.cloudControllerManager(new FakeCloud(d -> { }), "k"))
        .workers(1)
        .healthPort(0)
        .leaderElect(elect)
        .leaderElection(new LeaderElectionConfig("kube-system", "cloud-controller-manager",
            identity, Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(100),
            Clock.systemUTC()))
        .build();
  }

  @Test
  void withoutElectionRunsAtOnceAndBecomesReady() throws Exception {
    try (ControllerManager m = manager(false, "a").start()) {
      assertThat(get(m, "/healthz")).isEqualTo("200 ok");
      await().atMost(Duration.ofSeconds(10)).until(m::isReady);
      assertThat(get(m, "/readyz")).isEqualTo("200 ok");
      assertThat(get(m, "/leaderz")).isEqualTo("200 leader");
      assertThat(m.controllers()).containsOnlyKeys("service", "cloud-node-lifecycle", "route");
    }
  }

  @Test
  void oneLeaderOneStandbyAndTheStandbyTakesOver() throws Exception {
    ControllerManager first = manager(true, "first").start();
    await().atMost(Duration.ofSeconds(10)).until(first::isReady);
    try (ControllerManager second = manager(true, "second").start()) {
      assertThat(get(second, "/leaderz")).isEqualTo("200 standby");
      assertThat(get(second, "/readyz")).startsWith("503");
      assertThat(second.controllers()).as("a standby's controllers").isEmpty();

      first.close(); // releases the Lease

      await().atMost(Duration.ofSeconds(10)).until(second::isReady);
      assertThat(get(second, "/leaderz")).isEqualTo("200 leader");
    }
  }
}
