package io.minik8s.client.cache;

import static io.minik8s.client.cache.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The factory on the {@link FakeKubeClient} controllers' tests use: a started informer follows
 * the fake's writes, and a factory that is never started is a cache filled by hand. Ungraded.
 */
@Timeout(20)
class InformerOnFakeClientTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();

  @Test
  void startedFactoryFollowsTheFakeClient() {
    FakeKubeClient client = new FakeKubeClient(clock, 1);
    client.addObjects(new Pod(ObjectMeta.named("ns", "a"), PodSpec.of(List.of()), null));
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    try {
      SharedIndexInformer<Pod> pods = factory.informerFor(Pod.class);
      factory.start();
      assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
      assertThat(pods.indexer().listKeys()).containsExactly("ns/a");

      client.resource(Pod.class)
          .create(new Pod(ObjectMeta.named("ns", "b"), PodSpec.of(List.of()), null));
      await().atMost(Duration.ofSeconds(10))
          .until(() -> pods.lister().get("ns", "b").isPresent());
    } finally {
      factory.shutdown();
    }
  }

  @Test
  void unstartedInformerIsFilledByHand() {
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(new FakeKubeClient(clock, 1), Duration.ZERO, clock);
    SharedIndexInformer<Pod> pods = factory.informerFor(Pod.class);
    pods.indexer().add(pod("ns", "web", "1"));

    assertThat(pods.lister().get("ns", "web")).isPresent();
    assertThat(factory.waitForCacheSync(Duration.ZERO)).as("never started: not synced").isFalse();
  }
}
