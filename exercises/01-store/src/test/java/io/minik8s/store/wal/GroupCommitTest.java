package io.minik8s.store.wal;

import static io.minik8s.store.wal.WalFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.store.mvcc.MutationLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Group commit: concurrent writers share fsyncs, and a failed fsync acknowledges no one. */
class GroupCommitTest {

  @TempDir Path tmp;

  @Test
  @Graded(exercise = "1.5", points = 3)
  void sixteenConcurrentWritersShareFsyncs() throws Exception {
    int writers = 16;
    CountDownLatch allAppended = new CountDownLatch(writers);
    AtomicInteger fsyncs = new AtomicInteger();
    // The first fsync waits until every writer has appended: the deterministic version of "a disk
    // is slow, and writers pile up behind it". Every record after the first batch must then go
    // out together in the next one.
    Fsync slowFirst = channel -> {
      if (fsyncs.incrementAndGet() == 1) {
        try {
          allAppended.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
      }
      channel.force(false);
    };
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (DataDir data = DataDir.open(tmp, new DataDir.Options(1 << 20, slowFirst, SnapshotPolicy.DEFAULT))) {
      List<Future<?>> acks = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        long revision = w + 1;
        acks.add(pool.submit(() -> {
          MutationLog.Durable durable = data.wal().append(put(revision, "/k" + revision, "v"));
          allAppended.countDown();
          durable.await();
          return null;
        }));
      }
      for (Future<?> ack : acks) {
        ack.get(20, TimeUnit.SECONDS);
      }
      assertThat(data.wal().durableSequence()).as("durable sequence after 16 acknowledged appends").isEqualTo(writers);
      assertThat(fsyncs.get()).as("fsyncs for %d concurrent writers (one per writer would be %d)", writers, writers)
          .isBetween(1, 2);
    } finally {
      pool.shutdownNow();
    }
    try (DataDir reopened = DataDir.open(tmp, WalFixtures.FAST)) {
      assertThat(reopened.mutations()).as("every acknowledged write is in the log").hasSize(writers);
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void aFailedFsyncFailsTheWaitersAndLaterAppends() {
    Fsync dyingDisk = channel -> {
      throw new IOException("simulated EIO");
    };
    try (DataDir data = DataDir.open(tmp, new DataDir.Options(1 << 20, dyingDisk, SnapshotPolicy.DEFAULT))) {
      MutationLog.Durable first = data.wal().append(put(1, "/a", "1"));
      assertThatThrownBy(first::await).as("await() of a record whose fsync failed")
          .isInstanceOf(WalFailedException.class)
          .hasMessageContaining("could not be made durable")
          .hasMessageContaining("simulated EIO");
      assertThatThrownBy(() -> data.wal().append(put(2, "/b", "2")))
          .as("append after a failed fsync: the log must not accept writes it cannot make durable")
          .isInstanceOf(WalFailedException.class)
          .hasRootCauseMessage("simulated EIO");
      assertThat(data.wal().durableSequence()).as("durable sequence").isZero();
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 1)
  void theFlusherMakesAppendsDurableWithoutAnyoneWaiting() {
    try (DataDir data = DataDir.open(tmp, WalFixtures.FAST)) {
      for (int i = 1; i <= 5; i++) {
        data.wal().append(put(i, "/k" + i, "v")); // nobody awaits: the flusher still runs
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(data.wal().durableSequence()).as("durable sequence after 5 appends").isEqualTo(5));
    }
  }
}
