package io.minik8s.client.cache;

import static io.minik8s.client.rest.RestTestServer.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.rest.RestTestServer;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.labels.Selector;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The informer against a real API server (module 02) over the REST client. Ungraded: the rules
 * are graded on the scripted server; this shows they hold over HTTP.
 */
@Timeout(20)
// build-only: an ungraded end-to-end check (it needs 3.1 as well); on a skeleton it only waits out its timeouts; the Maven build runs it
@Tag("build-only")
class InformerOverHttpTest {

  private static final Duration WAIT = Duration.ofSeconds(10);
  private static RestTestServer server;

  @BeforeAll
  static void start() {
    server = new RestTestServer();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void factoryInformerFollowsCreatesUpdatesAndDeletes() {
    ResourceClient<Pod> pods = server.client.resource(Pod.class);
    pods.create(pod("http-before", "\"app\":\"web\""));
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(server.client, Duration.ZERO, RestTestServer.CLOCK);
    try {
      SharedIndexInformer<Pod> informer = factory.informerFor(Pod.class);
      RecordingHandler<Pod> handler = new RecordingHandler<>();
      informer.addEventHandler(handler);
      factory.start();
      assertThat(factory.waitForCacheSync(WAIT)).as("cache synced").isTrue();
      assertThat(informer.lister().get("default", "http-before")).isPresent();

      Pod created = pods.create(pod("http-after", "\"app\":\"web\""));
      Pod relabelled = pods.update(created.withMetadata(
          created.metadata().withLabels(Map.of("app", "db"))));
      pods.delete("default", "http-after", DeleteOptions.DEFAULT);

      String c = created.metadata().resourceVersion();
      String r = relabelled.metadata().resourceVersion();
      await().atMost(WAIT).untilAsserted(() -> assertThat(handler.seen()).contains(
          "add default/http-after@" + c,
          "update default/http-after@" + c + "->" + r));
      await().atMost(WAIT).untilAsserted(() -> assertThat(handler.seen())
          .anyMatch(s -> s.startsWith("delete default/http-after@")));
      assertThat(informer.lister().list("default", Selector.parse("app=web")))
          .extracting(p -> p.metadata().name()).contains("http-before")
          .doesNotContain("http-after");
    } finally {
      factory.shutdown();
    }
  }

  @Test
  void aWatchTheServerEndsIsResumedWithoutARelist() {
    ResourceClient<Pod> pods = server.client.resource(Pod.class);
    AtomicInteger lists = new AtomicInteger();
    AtomicInteger watches = new AtomicInteger();
    ListerWatcher<Pod> real = ListerWatcher.of(pods, "default");
    ListerWatcher<Pod> shortWatches = new ListerWatcher<>() {
      @Override
      public ObjectList<Pod> list(ListOptions options) {
        lists.incrementAndGet();
        return real.list(options);
      }

      @Override
      public WatchStream<Pod> watch(ListOptions options) {
        watches.incrementAndGet();
        return real.watch(options.withTimeoutSeconds(1)); // the server ends it after 1 s
      }
    };
    DefaultSharedIndexInformer<Pod> informer =
        new DefaultSharedIndexInformer<>(shortWatches, Duration.ZERO, RestTestServer.CLOCK);
    try {
      informer.start();
      await().atMost(WAIT).until(informer::hasSynced);
      await().atMost(WAIT).until(() -> watches.get() >= 2);

      pods.create(pod("http-resumed"));

      await().atMost(WAIT).until(() -> informer.lister().get("default", "http-resumed")
          .isPresent());
      assertThat(lists.get()).as("lists: the watch was resumed, not relisted").isEqualTo(1);
      assertThat(List.of(informer.lastSyncResourceVersion())).doesNotContain("");
    } finally {
      informer.stop();
    }
  }
}
