package io.minik8s.apiserver.storage.watch;

import static io.minik8s.apiserver.storage.RegistryFixture.labeledPod;
import static io.minik8s.apiserver.storage.RegistryFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.grader.Graded;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.DeleteOptions;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.RegistryFixture;
import io.minik8s.apiserver.storage.SelectionPredicate;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.store.EmbeddedStore;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The watch cache through the registry: one store watch, replays, filters, bookmarks, slow watchers. */
class WatchCacheTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final CountingStore store =
      new CountingStore(EmbeddedStore.inMemory(ManualClock.startingAtEpochOfCourse()));
  // a window of 4 events, so tests can fall out of it; queues deep enough that no watcher here
  // overflows however late its delivery thread runs (the slow-watcher test makes its own)
  private final RegistryFixture fx = new RegistryFixture(store, 4, 100);
  private final ObjectRegistry pods = fx.pods();
  private final List<ObjectWatch> open = new ArrayList<>();

  @AfterEach
  void close() {
    open.forEach(ObjectWatch::close);
    fx.close();
  }

  private Recorder watch(String namespace, SelectionPredicate predicate, String rv, boolean bookmarks) {
    Recorder recorder = new Recorder();
    open.add(pods.watch(namespace, new WatchOptions(predicate, rv, bookmarks), recorder));
    return recorder;
  }

  private Recorder watch(String namespace, String rv) {
    return watch(namespace, SelectionPredicate.everything(), rv, false);
  }

  @Test
  @Graded(exercise = "2.3", points = 2)
  void aWatchFromAListsVersionSeesEveryLaterChangeInOrder() {
    pods.create(pod("default", "a"), false);
    String listed = pods.list("default", io.minik8s.apiserver.storage.ListOptions.all()).resourceVersion();
    pods.create(pod("default", "b"), false); // after the list, before the watch: must be replayed

    Recorder recorder = watch("default", listed);
    pods.update("default", "a", o -> { o.setLabels(Map.of("v", "2")); return o; }, false);
    Unstructured gone = pods.delete("default", "b", DeleteOptions.defaults()).object();

    await().atMost(WAIT).untilAsserted(() -> assertThat(recorder.lines())
        .as("events of a watch from the list's resourceVersion %s", listed)
        .containsExactly("ADDED b", "MODIFIED a", "DELETED b"));
    WatchEvent deleted = recorder.events.get(2);
    assertThat(deleted.object().path("metadata").path("resourceVersion").asText())
        .as("a DELETED event carries the delete's revision").isEqualTo(gone.resourceVersion());
  }

  @Test
  @Graded(exercise = "2.3", points = 3)
  void manyWatchersCostOneStoreWatch() {
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      recorders.add(watch(i % 2 == 0 ? "default" : "", "0"));
    }
    pods.create(pod("default", "web"), false);
    pods.create(pod("other", "db"), false);
    for (int i = 0; i < recorders.size(); i++) {
      Recorder recorder = recorders.get(i);
      List<String> expected = i % 2 == 0 ? List.of("ADDED web") : List.of("ADDED web", "ADDED db");
      await().atMost(WAIT).untilAsserted(() -> assertThat(recorder.lines())
          .as("watcher of namespace %s", recorders.indexOf(recorder) % 2 == 0 ? "default" : "(all)")
          .isEqualTo(expected));
    }
    assertThat(store.watches.get()).as("store watches opened for 20 pod watchers").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "2.3", points = 2)
  void aWatchFromZeroStartsWithTheCurrentObjects() {
    pods.create(pod("default", "a"), false);
    pods.create(pod("default", "b"), false);
    pods.create(pod("other", "c"), false);
    Recorder recorder = watch("default", "0");
    pods.create(pod("default", "d"), false);
    await().atMost(WAIT).untilAsserted(() -> assertThat(recorder.lines())
        .as("watch of namespace default from resourceVersion 0")
        .containsExactly("ADDED a", "ADDED b", "ADDED d"));
  }

  @Test
  @Graded(exercise = "2.3", points = 3)
  void anObjectMovingInOrOutOfTheSelectionIsAddedOrDeleted() {
    pods.create(labeledPod("default", "web", "web"), false);
    Recorder recorder = watch("default", o -> "web".equals(o.labels().get("app")), "", false);
    pods.update("default", "web", o -> { o.setLabels(Map.of("app", "web", "v", "2")); return o; }, false);
    pods.update("default", "web", o -> { o.setLabels(Map.of("app", "db")); return o; }, false);
    pods.update("default", "web", o -> { o.setLabels(Map.of("app", "db", "v", "3")); return o; }, false);
    pods.update("default", "web", o -> { o.setLabels(Map.of("app", "web")); return o; }, false);
    pods.delete("default", "web", DeleteOptions.defaults());
    await().atMost(WAIT).untilAsserted(() -> assertThat(recorder.lines())
        .as("app=web watcher: initial, relabel, leave, change while out, come back, delete")
        .containsExactly("ADDED web", "MODIFIED web", "DELETED web", "ADDED web", "DELETED web"));
    assertThat(recorder.events.get(2).object().path("metadata").path("labels").path("app").asText())
        .as("the DELETED of an object leaving the selection shows its last matching state")
        .isEqualTo("web");
  }

  @Test
  @Graded(exercise = "2.3", points = 2)
  void aVersionOlderThanTheWindowIsTooOld() {
    watch("default", "0"); // starts the cache (capacity 4)
    long before = Long.parseLong(pods.create(pod("default", "p0"), false).resourceVersion());
    long last = 0;
    for (int i = 1; i < 7; i++) {
      last = Long.parseLong(pods.create(pod("default", "p" + i), false).resourceVersion());
    }
    long newest = last;
    await().atMost(WAIT).until(() -> fx.registries.watchCache(fx.type("pods")).revision() == newest);
    try {
      watch("default", Long.toString(before));
      throw new AssertionError("a watch from " + before + " after 7 events in a window of 4 must fail");
    } catch (ApiException e) {
      assertThat(e.code()).isEqualTo(410);
      assertThat(e.reason()).isEqualTo("Expired");
      assertThat(e.getMessage()).as("message").matches("too old resource version: " + before + " \\(\\d+\\)");
    }
    Recorder recent = watch("default", Long.toString(before + 4));
    await().atMost(WAIT).untilAsserted(() -> assertThat(recent.lines())
        .as("a watch from the window replays from memory").containsExactly("ADDED p5", "ADDED p6"));
  }

  @Test
  @Graded(exercise = "2.3", points = 2)
  void bookmarksGoOnlyToWatchersThatAskAndCarryTheLatestVersion() {
    Recorder plain = watch("default", SelectionPredicate.everything(), "0", false);
    Recorder marked = watch("default", SelectionPredicate.everything(), "0", true);
    String rv = pods.create(pod("other", "x"), false).resourceVersion();
    await().atMost(WAIT).until(() -> fx.registries.watchCache(fx.type("pods")).revision() == Long.parseLong(rv));

    fx.registries.sendBookmarks();
    await().atMost(WAIT).untilAsserted(() -> assertThat(marked.lines())
        .as("a bookmark after a change in another namespace").containsExactly("BOOKMARK @" + rv));
    assertThat(marked.events.get(0).object().path("kind").asText()).isEqualTo("Pod");
    assertThat(plain.lines()).as("a watcher without allowBookmarks").isEmpty();
  }

  @Test
  @Graded(exercise = "2.3", points = 2)
  void aSlowWatcherIsEndedWithoutHoldingUpTheOthers() throws Exception {
    // queues of 3 events: the stuck watcher overflows after a few creates
    RegistryFixture small = new RegistryFixture(
        EmbeddedStore.inMemory(ManualClock.startingAtEpochOfCourse()), 4, 3);
    ObjectRegistry pods = small.pods();
    try {
      CountDownLatch release = new CountDownLatch(1);
      Recorder slow = new Recorder();
      List<WatchEvent> slowSeen = new java.util.concurrent.CopyOnWriteArrayList<>();
      open.add(pods.watch("default", new WatchOptions(SelectionPredicate.everything(), "0", false),
          new io.minik8s.apiserver.storage.WatchSink() {
            @Override
            public void onEvent(WatchEvent event) {
              slowSeen.add(event);
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }

            @Override
            public void onClose() {
              slow.closedByServer = true;
            }
          }));
      Recorder fast = new Recorder();
      open.add(pods.watch("default", new WatchOptions(SelectionPredicate.everything(), "0", false),
          fast));
      // One create at a time, each awaited on the fast watcher, so the fast watcher's queue never
      // holds more than one event however the threads are scheduled; only the slow one overflows.
      for (int i = 0; i < 8; i++) {
        pods.create(pod("default", "p" + i), false);
        int seen = i + 1;
        await().atMost(WAIT).untilAsserted(() -> assertThat(fast.events)
            .as("the fast watcher gets every event while the slow one is stuck").hasSize(seen));
      }
      await().atMost(WAIT).until(() -> small.registries.watchCache(fx.type("pods")).watcherCount() == 1);
      release.countDown();
      await().atMost(WAIT).until(() -> slow.closedByServer);
      assertThat(slowSeen.size()).as("events the slow watcher (queue 3) saw before it was ended")
          .isLessThan(8);
    } finally {
      open.forEach(ObjectWatch::close);
      open.clear();
      small.close();
    }
  }
}
