package io.minik8s.apiserver.storage.watch;

import static io.minik8s.apiserver.storage.RegistryFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.RegistryFixture;
import io.minik8s.apiserver.storage.SelectionPredicate;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.grader.Graded;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WatchCacheHiddenTest {

  private final RegistryFixture fx = new RegistryFixture();
  private final ObjectRegistry pods = fx.pods();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @Graded(exercise = "2.3", points = 2,
      hint = "A watch from a revision the store has compacted must fail with 410 Expired before any event, even when it is the first watch of the resource.")
  void aCompactedVersionIsRefusedBeforeAnyEvent() {
    String old = pods.create(pod("default", "a"), false).resourceVersion();
    pods.create(pod("default", "b"), false);
    pods.create(pod("default", "c"), false);
    fx.store.compact(fx.revision());
    List<WatchEvent> seen = new CopyOnWriteArrayList<>();
    try {
      pods.watch("default", new WatchOptions(SelectionPredicate.everything(), old, false), seen::add);
      throw new AssertionError("a watch from compacted revision " + old + " must fail");
    } catch (ApiException e) {
      assertThat(e.code()).as("code of a watch from a compacted revision").isEqualTo(410);
      assertThat(e.getMessage()).startsWith("too old resource version: " + old + " (");
    }
    assertThat(seen).as("events sent to a refused watch").isEmpty();
  }

  @Test
  @Graded(exercise = "2.3", points = 2,
      hint = "A closed watch gets nothing more and leaves the cache; closing the registries ends the others, and their sinks hear onClose.")
  void closingAWatchStopsItAndClosingTheRegistriesEndsTheRest() {
    List<WatchEvent> closedByClient = new CopyOnWriteArrayList<>();
    ObjectWatch first = pods.watch("default",
        new WatchOptions(SelectionPredicate.everything(), "0", false), closedByClient::add);
    Recorder other = new Recorder();
    pods.watch("default", new WatchOptions(SelectionPredicate.everything(), "0", false), other);
    first.close();
    pods.create(pod("default", "web"), false);
    await().atMost(Duration.ofSeconds(5)).until(() -> other.events.size() == 1);
    assertThat(closedByClient).as("events after the client closed its watch").isEmpty();
    assertThat(fx.registries.watchCache(fx.type("pods")).watcherCount()).isEqualTo(1);

    fx.registries.close();
    await().atMost(Duration.ofSeconds(5)).until(() -> other.closedByServer);
  }
}
