package io.minik8s.store.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Scenarios for the watch hub. Most run on a {@link ManualExecutor}: nothing is delivered and no
 * sync round runs until the test says {@code executor.runAll()}, so every interleaving is exact.
 */
class SyncingWatchHubTest {

  final FakeCommitLog log = new FakeCommitLog();
  final ManualExecutor executor = new ManualExecutor();
  /** Shrunk from the default so that a slow watcher overflows after a handful of commits. */
  static final int MAX_PENDING = 4;

  SyncingWatchHub hub = new SyncingWatchHub(log, executor, MAX_PENDING, rev -> new ResponseHeader(1, 2, rev, 3));
  ExecutorService pool;

  @AfterEach
  void tearDown() throws InterruptedException {
    hub.close();
    if (pool != null) {
      pool.shutdownNow();
      assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).as("delivery threads stopped").isTrue();
    }
  }

  static WatchRequest prefix(String prefix) {
    return WatchRequest.prefix(Bytes.of(prefix));
  }

  @Test
  @Graded(exercise = "1.3", points = 2)
  void createdFirstThenOneResponsePerRevisionWithTheWatchedKeysOnly() {
    Recorder recorder = new Recorder();
    Watch watch = hub.watch(prefix("/a/"), recorder);

    hub.publish(log.put("/a/1", "x", "/b/1", "y", "/a/2", "z")); // one transaction, revision 1
    hub.publish(log.put("/b/2", "ignored")); // revision 2: nothing watched
    hub.publish(log.delete("/a/1")); // revision 3
    executor.runAll();

    assertThat(recorder.lines()).containsExactly("created", "PUT /a/1=x@1 PUT /a/2=z@1", "DELETE /a/1@3");
    assertThat(recorder.responses()).as("every response carries the watch id %s", watch.id())
        .allSatisfy(r -> assertThat(r.watchId()).isEqualTo(watch.id()));
    assertThat(recorder.responses().get(2).header().revision()).as("header revision of a live event").isEqualTo(3);
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void prevKvOnlyForTheWatchesThatAskedForIt() {
    hub.publish(log.put("/a", "1"));
    Recorder plain = new Recorder();
    Recorder withPrev = new Recorder();
    hub.watch(WatchRequest.key(Bytes.of("/a")), plain);
    hub.watch(WatchRequest.key(Bytes.of("/a")).withPrevKv(), withPrev);

    hub.publish(log.put("/a", "2"));
    executor.runAll();

    assertThat(plain.lines()).containsExactly("created", "PUT /a=2@2");
    assertThat(withPrev.lines()).containsExactly("created", "PUT /a=2@2 prev=1");
  }

  @Test
  @Graded(exercise = "1.3", points = 2)
  void aPastStartRevisionReplaysHistoryThenFollowsLiveCommits() {
    for (int i = 1; i <= 5; i++) {
      hub.publish(log.put("/a", "v" + i));
    }
    Recorder recorder = new Recorder();
    hub.watch(WatchRequest.key(Bytes.of("/a")).fromRevision(3), recorder);
    executor.runAll();
    hub.publish(log.put("/a", "v6"));
    executor.runAll();

    assertThat(recorder.lines()).containsExactly("created", "PUT /a=v3@3", "PUT /a=v4@4", "PUT /a=v5@5", "PUT /a=v6@6");
  }

  /**
   * The worked example of SyncingWatchHub's design comment: revisions 1..5 exist, W starts at 3,
   * and revision 6 is published while the sync step reads history (after the read, before the
   * replay). W must get 3, 4, 5, 6, 7: each once, in order.
   */
  @Test
  @Graded(exercise = "1.3", points = 3)
  void aCommitPublishedWhileHistoryIsReadIsNeitherLostNorDuplicated() {
    for (int i = 1; i <= 5; i++) {
      hub.publish(log.put("/k", "v" + i));
    }
    Recorder w = new Recorder();
    hub.watch(WatchRequest.key(Bytes.of("/k")).fromRevision(3), w);
    log.duringNextRead(() -> hub.publish(log.put("/k", "v6"))); // lands between steps (b) and (c)

    executor.runAll(); // sync rounds and deliveries
    hub.publish(log.put("/k", "v7"));
    executor.runAll();

    assertThat(w.eventRevisions()).as("revisions W received").containsExactly(3L, 4L, 5L, 6L, 7L);
    assertThat(log.reads()).as("history reads: one for 3..5, one for the 6 published meanwhile").isEqualTo(2);
  }

  /**
   * Watchers are created from old revisions while commits keep coming, and the sync step runs
   * only when the test says: each watcher gets exactly the commits from its start on, in order.
   */
  @Test
  @Graded(exercise = "1.3", points = 2)
  void watchersCreatedFromOldRevisionsWhileCommitsArePublished() {
    for (int i = 1; i <= 4; i++) {
      hub.publish(log.put("/p/" + i, "x"));
    }
    Recorder fromTwo = new Recorder();
    Recorder fromFour = new Recorder();
    Recorder live = new Recorder();
    hub.watch(prefix("/p/").fromRevision(2), fromTwo); // unsynced: sync not run yet
    hub.publish(log.put("/p/5", "x"));
    hub.watch(prefix("/p/").fromRevision(4), fromFour);
    hub.watch(prefix("/p/"), live);
    hub.publish(log.put("/p/6", "x"));
    executor.runNext(); // the first sync round: both replay, through 6
    hub.publish(log.put("/p/7", "x"));
    executor.runAll();
    hub.publish(log.put("/p/8", "x"));
    executor.runAll();

    assertThat(fromTwo.eventRevisions()).as("watch from 2").containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(fromFour.eventRevisions()).as("watch from 4").containsExactly(4L, 5L, 6L, 7L, 8L);
    assertThat(live.eventRevisions()).as("watch from now (after 5)").containsExactly(6L, 7L, 8L);
  }

  /**
   * Real etcd 3.4.23 after {@code etcdctl compact 5}, watching from 4: a created response, then one
   * with canceled and compact_revision 5 (no revision in its header), never events. Watching from 5
   * itself is not canceled: etcd replays what compaction kept of revision 5 (here its put), then 6
   * and on.
   */
  @Test
  @Graded(exercise = "1.3", points = 2)
  void aCompactedStartRevisionIsCanceledWithTheCompactRevision() {
    for (int i = 1; i <= 7; i++) {
      hub.publish(log.put("/a/" + i, "x"));
    }
    log.compact(5);
    Recorder below = new Recorder();
    Recorder at = new Recorder();
    Recorder after = new Recorder();
    hub.watch(prefix("/a/").fromRevision(4), below);
    hub.watch(prefix("/a/").fromRevision(5), at);
    hub.watch(prefix("/a/").fromRevision(6), after);
    executor.runAll();
    hub.publish(log.put("/a/8", "x"));
    executor.runAll();

    assertThat(below.lines()).as("watch from 4, compacted at 5").containsExactly("created", "canceled compact=5");
    assertThat(at.eventRevisions()).as("watch from 5, compacted at 5: not canceled").containsExactly(5L, 6L, 7L, 8L);
    assertThat(after.eventRevisions()).as("watch from 6").containsExactly(6L, 7L, 8L);
    assertThat(below.responses().get(0).header().revision()).as("created header revision").isEqualTo(7);
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void aFutureStartRevisionWaitsForIt() {
    hub.publish(log.put("/a", "1"));
    Recorder recorder = new Recorder();
    hub.watch(WatchRequest.key(Bytes.of("/a")).fromRevision(3), recorder);
    hub.publish(log.put("/a", "2"));
    hub.publish(log.put("/a", "3"));
    executor.runAll();

    assertThat(recorder.lines()).containsExactly("created", "PUT /a=3@3");
  }

  @Test
  @Graded(exercise = "1.3", points = 2)
  void progressGoesToIdleSyncedWatchesThatAskedWithTheCurrentRevision() {
    for (int i = 1; i <= 3; i++) {
      hub.publish(log.put("/a", "v" + i));
    }
    Recorder asked = new Recorder();
    Recorder notAsked = new Recorder();
    Recorder busy = new Recorder();
    Recorder replaying = new Recorder();
    hub.watch(prefix("/b").withProgressNotify(), asked);
    hub.watch(prefix("/b"), notAsked);
    hub.watch(prefix("/a").withProgressNotify(), busy);
    hub.watch(prefix("/a").fromRevision(1).withProgressNotify(), replaying); // sync not run yet

    hub.publish(log.put("/a", "v4")); // busy gets an event: no progress for it this time
    hub.notifyProgress();
    executor.runAll();

    assertThat(asked.lines()).as("idle, synced, asked").containsExactly("created", "progress@4");
    assertThat(notAsked.lines()).as("did not ask").containsExactly("created");
    assertThat(busy.lines()).as("sent an event since the last notification").containsExactly("created", "PUT /a=v4@4");
    assertThat(replaying.lines()).as("unsynced when notified").doesNotContain("progress@4");

    hub.notifyProgress();
    executor.runAll();
    assertThat(busy.lines()).as("idle since the previous notification").endsWith("progress@4");
  }

  /**
   * A listener that never runs (the executor is not run) holds at most MAX_PENDING responses;
   * the next commit cancels the watch with a reason, and publish returned every time.
   */
  @Test
  @Graded(exercise = "1.3", points = 2)
  void aWatcherWhoseBufferOverflowsIsCanceledWithAReason() {
    Recorder slow = new Recorder();
    hub.watch(prefix("/a/"), slow);
    for (int i = 1; i <= 6; i++) {
      hub.publish(log.put("/a/" + i, "x")); // created + 3 events fill 4; revision 4 overflows
    }
    executor.runAll();

    assertThat(slow.lines()).containsExactly("created", "PUT /a/1=x@1", "PUT /a/2=x@2", "PUT /a/3=x@3", "canceled");
    assertThat(slow.responses().get(4).cancelReason())
        .as("cancel reason")
        .contains("fell behind")
        .contains("watch again from revision 4");
  }

  /** Replay paces itself to the buffer: a long history is not a reason to cancel. */
  @Test
  @Graded(exercise = "1.3", points = 2)
  void replayingMoreHistoryThanTheBufferHoldsIsNotCanceled() {
    for (int i = 1; i <= 20; i++) {
      hub.publish(log.put("/a", "v" + i));
    }
    Recorder recorder = new Recorder();
    hub.watch(WatchRequest.key(Bytes.of("/a")).fromRevision(1), recorder);
    executor.runAll();
    hub.publish(log.put("/a", "v21"));
    executor.runAll();

    assertThat(recorder.eventRevisions()).as("revisions received").containsExactlyElementsOf(LongStream.rangeClosed(1, 21).boxed().toList());
    assertThat(recorder.lines()).as("responses").doesNotContain("canceled");
  }

  /** With real threads: one listener blocks, the store and the other watcher carry on. */
  @Test
  @Graded(exercise = "1.3", points = 2)
  void aBlockedListenerDelaysOnlyItsOwnWatch() {
    pool = Executors.newCachedThreadPool();
    hub = new SyncingWatchHub(log, pool, MAX_PENDING, rev -> new ResponseHeader(0, 0, rev, 0));
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean blocked = new AtomicBoolean();
    Recorder slow = new Recorder() {
      @Override
      public void onResponse(WatchResponse response) {
        super.onResponse(response);
        if (!response.events().isEmpty() && blocked.compareAndSet(false, true)) {
          await().pollInterval(Duration.ofMillis(2)).until(() -> release.await(10, TimeUnit.MILLISECONDS)); // blocks this delivery thread
        }
      }
    };
    Recorder fast = new Recorder();
    hub.watch(prefix("/a/"), slow);
    hub.watch(prefix("/a/"), fast);

    hub.publish(log.put("/a/1", "x"));
    await().pollInterval(Duration.ofMillis(2)).untilTrue(blocked); // slow's listener now holds revision 1
    for (int i = 2; i <= 10; i++) {
      hub.publish(log.put("/a/" + i, "x")); // 2..5 fill slow's buffer of 4, 6 overflows it
      long revision = i;
      // fast must keep up too (its buffer is as small), so wait for it: it is served meanwhile
      await().pollInterval(Duration.ofMillis(2)).untilAsserted(() -> assertThat(fast.eventRevisions()).as("fast watcher, while slow is blocked")
          .containsExactlyElementsOf(LongStream.rangeClosed(1, revision).boxed().toList()));
    }
    release.countDown();
    await().pollInterval(Duration.ofMillis(2)).untilAsserted(() -> assertThat(slow.lines()).as("slow watcher").last().isEqualTo("canceled"));
    assertThat(slow.eventRevisions()).as("slow watcher's events before its cancel").containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void nothingIsDeliveredAfterAWatchIsClosed() {
    Recorder closedEarly = new Recorder();
    Recorder other = new Recorder();
    Watch watch = hub.watch(prefix("/a/"), closedEarly);
    hub.watch(prefix("/a/"), other);
    hub.publish(log.put("/a/1", "x")); // queued, not delivered yet

    watch.close();
    hub.publish(log.put("/a/2", "x"));
    executor.runAll();

    assertThat(closedEarly.lines()).as("responses after close()").isEmpty();
    assertThat(other.eventRevisions()).as("the other watch").containsExactly(1L, 2L);
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void closingTheHubCancelsEveryWatch() {
    hub.publish(log.put("/a/1", "x"));
    Recorder synced = new Recorder();
    Recorder unsynced = new Recorder();
    hub.watch(prefix("/a/"), synced);
    hub.watch(prefix("/a/").fromRevision(1), unsynced); // its sync round has not run
    hub.publish(log.put("/a/2", "x"));

    hub.close();
    hub.publish(log.put("/a/3", "x"));
    executor.runAll();

    assertThat(synced.lines()).as("synced watch").containsExactly("created", "PUT /a/2=x@2", "canceled");
    assertThat(unsynced.lines()).as("unsynced watch").containsExactly("created", "canceled");
    assertThat(synced.responses().get(2).cancelReason()).as("cancel reason").contains("closing");
    assertThatThrownBy(() -> hub.watch(prefix("/a/"), new Recorder()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
  }

  @Test
  void anEmptyRangeIsRefusedAsEtcdDoes() {
    Recorder recorder = new Recorder();
    hub.watch(new WatchRequest(Bytes.of("b"), Bytes.of("a"), 0, false, false), recorder);
    executor.runAll();

    assertThat(recorder.lines()).containsExactly("created+canceled");
    assertThat(recorder.responses().get(0).cancelReason()).isEqualTo("mvcc: watcher range is empty");
  }

  @Test
  void theBufferBoundIsChecked() {
    assertThatThrownBy(() -> new SyncingWatchHub(log, executor, 1, rev -> new ResponseHeader(0, 0, rev, 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 2");
  }
}
