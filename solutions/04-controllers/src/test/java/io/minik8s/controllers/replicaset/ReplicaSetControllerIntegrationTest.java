package io.minik8s.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.store.EmbeddedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The controller against the real thing: an in-process API server, the REST client, started
 * informers and two workers. Ungraded: it checks the wiring, the unit tests check the logic.
 */
// build-only: an ungraded end-to-end check; on a skeleton it only waits out its timeouts; the Maven build runs it
@Tag("build-only")
class ReplicaSetControllerIntegrationTest {

  private ApiServer server;
  private SharedInformerFactory informers;
  private ReplicaSetController controller;
  private KubeClient client;

  @BeforeEach
  void start() {
    Clock clock = Clock.systemUTC();
    server = ApiServer.start(ApiServerOptions.builder().port(0).tls(false)
        .store(EmbeddedStore.inMemory(clock)).clock(clock).build());
    client = new RestKubeClient(ClientConfig.of(server.url(), server.adminToken()));
    informers = new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    controller = ReplicaSetController.create(new ControllerContext(client, informers, clock));
    informers.start();
    controller.run(2);
  }

  @AfterEach
  void stop() {
    controller.shutdown();
    informers.shutdown();
    server.close();
  }

  @Test
  void keepsThreeReplicasRunningAndReplacesADeletedPod() {
    Map<String, String> labels = Map.of("app", "web");
    client.resource(ReplicaSet.class).create(new ReplicaSet(ObjectMeta.named("default", "web"),
        new ReplicaSetSpec(3, LabelSelector.of(labels), new PodTemplateSpec(
            ObjectMeta.named(null).withLabels(labels),
            PodSpec.of(List.of(Container.of("main", "minik8s/web:1"))))),
        null));

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(activePods()).as("active pods of a 3-replica ReplicaSet").hasSize(3));

    Pod victim = activePods().get(0);
    client.resource(Pod.class).delete("default", victim.metadata().name(), DeleteOptions.DEFAULT);

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      List<Pod> pods = activePods();
      assertThat(pods).as("active pods after deleting %s", victim.metadata().name()).hasSize(3);
      assertThat(pods).extracting(p -> p.metadata().name())
          .doesNotContain(victim.metadata().name());
    });
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(client.resource(ReplicaSet.class).get("default", "web").status().replicas())
            .as("status.replicas").isEqualTo(3));
  }

  private List<Pod> activePods() {
    return client.resource(Pod.class).list("default", ListOptions.labels("app=web")).items()
        .stream().filter(PodConditions::isActive).toList();
  }
}
