package io.minik8s.client.watch;

import static io.minik8s.client.rest.RestTestServer.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.errors.GoneException;
import io.minik8s.client.errors.StubServer;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.client.rest.RestTestServer;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Watches over HTTP against a real API server: order, the end, too-old versions, close(). */
class HttpWatchStreamTest {

  static RestTestServer cluster;
  static ResourceClient<Pod> pods;

  @BeforeAll
  static void start() {
    cluster = new RestTestServer();
    pods = cluster.client.resource(Pod.class);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void aWatchDeliversAddedModifiedDeletedInOrder() {
    String from = pods.list("default", ListOptions.ALL).metadata().resourceVersion();
    try (WatchStream<Pod> watch = pods.watch("default",
        ListOptions.labels("watched=yes").withResourceVersion(from))) {
      Pod created = pods.create(pod("watched", "\"watched\":\"yes\""));
      pods.update(created.withMetadata(created.metadata()
          .withLabels(Map.of("watched", "yes", "round", "2"))));
      pods.create(pod("not-watched"));
      pods.delete("default", "watched", DeleteOptions.DEFAULT);

      List<String> seen = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        WatchEvent<Pod> event = watch.next();
        assertThat(event).as("event %d of 3 (seen so far %s)", i + 1, seen).isNotNull();
        seen.add(event.type() + " " + event.object().metadata().name());
      }
      assertThat(seen).as("events of the selected pod, in the order they happened")
          .containsExactly("ADDED watched", "MODIFIED watched", "DELETED watched");
    }
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void aWatchFromACompactedVersionEndsWithAnExpiredError() {
    Pod first = pods.create(pod("compacted-1"));
    pods.create(pod("compacted-2"));
    Pod last = pods.create(pod("compacted-3"));
    cluster.server.store().compact(Long.parseLong(last.metadata().resourceVersion()));

    try (WatchStream<Pod> watch = pods.watch("default",
        ListOptions.ALL.withResourceVersion(first.metadata().resourceVersion()))) {
      WatchEvent<Pod> event = watch.next();
      assertThat(event).as("module 02 answers 200 with one ERROR event").isNotNull();
      assertThat(event.type()).isEqualTo(EventType.ERROR);
      assertThat(event.status().code()).as("the Status code of a too-old version").isEqualTo(410);
      assertThat(watch.next()).as("the stream ends after the ERROR event").isNull();
    }
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void closeFromAnotherThreadUnblocksNext() throws Exception {
    String from = pods.list("default", ListOptions.ALL).metadata().resourceVersion();
    WatchStream<Pod> watch = pods.watch("default",
        ListOptions.labels("nothing=ever").withResourceVersion(from));
    CompletableFuture<WatchEvent<Pod>> reader = CompletableFuture.supplyAsync(watch::next);
    await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2))
        .until(() -> !reader.isDone());
    watch.close();
    assertThat(reader.get(5, TimeUnit.SECONDS))
        .as("next() blocked on an idle watch returns null once close() is called").isNull();
    assertThat(watch.next()).as("and keeps returning null").isNull();
  }

}
