package io.minik8s.client.cache;

import static io.minik8s.client.cache.Pods.added;
import static io.minik8s.client.cache.Pods.deleted;
import static io.minik8s.client.cache.Pods.error;
import static io.minik8s.client.cache.Pods.modified;
import static io.minik8s.client.cache.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The informer with its handler threads running and its reflector driven by hand against a
 * scripted server; notifications are awaited (Awaitility), never slept for.
 */
@Timeout(10)
class SharedIndexInformerTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeListerWatcher<Pod> server = new FakeListerWatcher<>();
  private final DefaultSharedIndexInformer<Pod> informer = new DefaultSharedIndexInformer<>(
      server, Duration.ZERO, clock, Backoff.DEFAULT.withoutJitter(), d -> { }, new Random(42));

  @AfterEach
  void stop() {
    informer.stop();
  }

  private static void awaitSeen(RecordingHandler<Pod> handler, String... expected) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).untilAsserted(() ->
        assertThat(handler.seen()).as("notifications, in order").containsExactly(expected));
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void watchEventsReachTheHandlerWithTheOldState() {
    RecordingHandler<Pod> handler = new RecordingHandler<>();
    informer.addEventHandler(handler);
    informer.startHandlers();
    server.list("10", pod("ns", "a", "5"))
        .watch(added(pod("ns", "b", "11")), modified(pod("ns", "a", "12")),
            deleted(pod("ns", "b", "13")));

    informer.reflector().listAndWatchOnce();

    awaitSeen(handler, "add ns/a@5", "add ns/b@11", "update ns/a@5->12", "delete ns/b@13");
    assertThat(informer.indexer().listKeys()).containsExactly("ns/a");
    assertThat(informer.lastSyncResourceVersion()).isEqualTo("13");
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void relistBecomesAddsUpdatesAndDeletesOfTheLastKnownState() {
    RecordingHandler<Pod> handler = new RecordingHandler<>();
    informer.addEventHandler(handler);
    informer.startHandlers();
    server.list("10", pod("ns", "same", "3"), pod("ns", "changed", "4"), pod("ns", "gone", "5"))
        .watch(error(410, "Expired"))
        .list("50", pod("ns", "same", "3"), pod("ns", "changed", "40"), pod("ns", "new", "45"))
        .watch();

    informer.reflector().listAndWatchOnce();
    informer.reflector().listAndWatchOnce();

    awaitSeen(handler,
        "add ns/same@3", "add ns/changed@4", "add ns/gone@5",
        // the relist, compared with the cache; "same" is unchanged: no notification
        "update ns/changed@4->40", "add ns/new@45", "delete ns/gone@5");
    assertThat(informer.indexer().listKeys()).containsExactlyInAnyOrder(
        "ns/same", "ns/changed", "ns/new");
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void aSlowHandlerDoesNotHoldUpTheOthers() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    RecordingHandler<Pod> slowSeen = new RecordingHandler<>();
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        slowSeen.onAdd(pod);
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    RecordingHandler<Pod> fast = new RecordingHandler<>();
    informer.addEventHandler(fast);
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1"), pod("ns", "b", "2"), pod("ns", "c", "3")).watch();

    informer.reflector().listAndWatchOnce();

    awaitSeen(fast, "add ns/a@1", "add ns/b@2", "add ns/c@3");
    awaitSeen(slowSeen, "add ns/a@1"); // ...and stays there: it is blocked in its first onAdd
    assertThat(slowSeen.seen()).as("the slow handler is still on its first notification")
        .containsExactly("add ns/a@1");
    release.countDown();
    awaitSeen(slowSeen, "add ns/a@1", "add ns/b@2", "add ns/c@3");
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void aHandlerAddedAfterTheListGetsAnAddForEveryCachedObject() {
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1"), pod("ns", "b", "2"))
        .watch(added(pod("ns", "c", "11")));
    informer.reflector().listAndWatchOnce();

    RecordingHandler<Pod> late = new RecordingHandler<>();
    informer.addEventHandler(late);

    awaitSeen(late, "add ns/a@1", "add ns/b@2", "add ns/c@11");
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void hasSyncedOnceTheFirstListReachedEveryHandler() {
    CountDownLatch release = new CountDownLatch(1);
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        try {
          release.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    informer.startHandlers();
    assertThat(informer.hasSynced()).as("before the first list").isFalse();
    server.list("10", pod("ns", "a", "1")).watch();

    informer.reflector().listAndWatchOnce();

    assertThat(informer.indexer().listKeys()).containsExactly("ns/a");
    assertThat(informer.hasSynced())
        .as("the list is cached but the handler has not returned from onAdd").isFalse();
    release.countDown();
    await().atMost(WAIT).until(informer::hasSynced);
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void periodicResyncSendsUpdateOfEachObjectToItselfWhenThePeriodPassed() {
    RecordingHandler<Pod> resyncing = new RecordingHandler<>();
    RecordingHandler<Pod> quiet = new RecordingHandler<>();
    informer.addEventHandler(resyncing, Duration.ofSeconds(30));
    informer.addEventHandler(quiet); // default resync of this informer: none
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1"), pod("ns", "b", "2")).watch();
    informer.reflector().listAndWatchOnce();

    clock.advanceSeconds(29);
    informer.resyncCheck();
    clock.advanceSeconds(1);
    informer.resyncCheck();
    informer.resyncCheck(); // the same instant again: not due a second time

    awaitSeen(resyncing, "add ns/a@1", "add ns/b@2", "update ns/a@1->1", "update ns/b@2->2");
    awaitSeen(quiet, "add ns/a@1", "add ns/b@2");
    assertThat(informer.resyncCheckPeriod()).as("the check runs as often as the shortest period")
        .isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  @Graded(exercise = "3.3", points = 1)
  void startedInformerListsWatchesAndStops() {
    RecordingHandler<Pod> handler = new RecordingHandler<>();
    informer.addEventHandler(handler);
    server.list("10", pod("ns", "a", "1")).watch(added(pod("ns", "b", "11")));

    informer.start();
    informer.start(); // idempotent

    awaitSeen(handler, "add ns/a@1", "add ns/b@11");
    await().atMost(WAIT).until(informer::hasSynced);
    await().atMost(WAIT).until(() -> server.watchCalls.size() == 2);
    assertThat(server.listCalls).as("one list: the reflector rewatches after a clean end")
        .hasSize(1);
    informer.stop();
    assertThat(informer.lister().list(io.minik8s.objects.labels.Selector.everything()))
        .as("the cache keeps its content after stop").hasSize(2);
  }

  @Test
  void notStartedInformerIsAPlainCacheForTests() {
    informer.indexer().add(pod("ns", "a", "1"));
    assertThat(informer.lister().get("ns", "a")).isPresent();
    assertThat(informer.hasSynced()).isFalse();
    assertThat(List.of(informer.lastSyncResourceVersion())).containsExactly("");
  }
}
