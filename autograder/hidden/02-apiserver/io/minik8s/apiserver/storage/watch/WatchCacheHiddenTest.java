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
import java.util.ArrayList;
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

  @Test
  @Graded(exercise = "2.3", points = 1,
      hint = "since(r) returns the events AFTER revision r: the event at r itself is already known to the client.")
  void theWindowReturnsOnlyEventsAfterTheRevision() {
    // The example of EventWindow's Javadoc: capacity 3, started at 10, events 11 to 14.
    EventWindow window = new EventWindow(3, 10);
    for (long revision = 11; revision <= 14; revision++) {
      window.add(new CacheEvent(WatchEvent.Type.ADDED, "/registry/pods/default/p" + revision,
          pod("default", "p" + revision), null, revision));
    }
    assertThat(revisions(window.since(12))).as("since(12)").containsExactly(13L, 14L);
    assertThat(revisions(window.since(11))).as("since(11): 11 fell out, the window starts there")
        .containsExactly(12L, 13L, 14L);
    assertThat(revisions(window.since(14))).as("since(14), the newest revision").isEmpty();
    try {
      window.since(10);
      throw new AssertionError("since(10) must fail: the event at 11 fell out of the window");
    } catch (ApiException e) {
      assertThat(e.code()).as("code of since(10)").isEqualTo(410);
      assertThat(e.getMessage()).isEqualTo("too old resource version: 10 (11)");
    }
  }

  private static List<Long> revisions(List<CacheEvent> events) {
    return events.stream().map(CacheEvent::revision).toList();
  }

  @Test
  @Graded(exercise = "2.3", points = 1,
      hint = "A watcher's queue holds at most its capacity: the event that finds it full ends the watcher (offer returns false), and an ended watcher takes nothing more.")
  void aWatchersQueueHoldsExactlyItsCapacity() {
    List<Runnable> deliveries = new ArrayList<>(); // delivery never runs until the test says so
    Recorder sink = new Recorder();
    CacheWatcher watcher = new CacheWatcher(fx.type("pods"), "/registry/pods/default/",
        SelectionPredicate.everything(), false, 10, sink, deliveries::add, 2, w -> {});
    List<Boolean> offered = new ArrayList<>();
    for (long revision = 11; revision <= 13; revision++) {
      offered.add(watcher.offer(new CacheEvent(WatchEvent.Type.ADDED,
          "/registry/pods/default/p" + revision, pod("default", "p" + revision), null, revision)));
    }
    assertThat(offered).as("offer() of 3 events to a watcher with a queue of 2, none delivered yet")
        .containsExactly(true, true, false);
    assertThat(watcher.isClosed()).as("the watcher whose queue overflowed is ended").isTrue();
    assertThat(watcher.offer(new CacheEvent(WatchEvent.Type.ADDED, "/registry/pods/default/x",
        pod("default", "x"), null, 14))).as("offer() to an ended watcher").isFalse();

    new ArrayList<>(deliveries).forEach(Runnable::run);
    assertThat(sink.events).as("events delivered after the watcher was ended").isEmpty();
    assertThat(sink.closedByServer).as("the ended watcher's sink hears onClose").isTrue();
  }

  @Test
  @Graded(exercise = "2.3", points = 1,
      hint = "A watcher that allows bookmarks gets one at its own start revision too: it tells the client the watch is alive and current.")
  void aBookmarkAtTheWatchsStartRevisionIsSent() {
    String rv = pods.create(pod("default", "a"), false).resourceVersion();
    Recorder recorder = new Recorder();
    ObjectWatch watch = pods.watch("default",
        new WatchOptions(SelectionPredicate.everything(), rv, true), recorder);
    try {
      fx.registries.sendBookmarks(); // nothing changed since the watch's resourceVersion
      await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(recorder.lines())
          .as("a watch from resourceVersion %s, then a bookmark with no change since", rv)
          .containsExactly("BOOKMARK @" + rv));
    } finally {
      watch.close();
    }
  }
}
