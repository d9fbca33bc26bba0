package io.minik8s.store.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.mvcc.Commit;
import org.junit.jupiter.api.Test;

class WatcherTest {

  final FakeCommitLog log = new FakeCommitLog();
  final SyncingWatchHub hub = new SyncingWatchHub(log, new ManualExecutor());

  Watcher watcher(WatchRequest request) {
    return new Watcher(1, request, r -> {}, new ManualExecutor(), 10, hub);
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void eventsOfKeepsTheWatchedKeysInCommitOrder() {
    log.put("/a/1", "old");
    Commit txn = log.put("/b/1", "x", "/a/2", "y", "/a/1", "new", "/a0", "z");

    Watcher prefix = watcher(WatchRequest.prefix(Bytes.of("/a/")));

    assertThat(prefix.eventsOf(txn))
        .as("events of a transaction on /b/1, /a/2, /a/1, /a0 seen by a watch on prefix /a/")
        .extracting(e -> e.kv().key().toString())
        .containsExactly("/a/2", "/a/1");
    assertThat(watcher(WatchRequest.key(Bytes.of("/c"))).eventsOf(txn)).as("a watch on a key the commit did not touch").isEmpty();
  }

  @Test
  @Graded(exercise = "1.3", points = 1)
  void eventsOfDropsPrevKvUnlessTheWatchAskedForIt() {
    log.put("/a", "1");
    Commit update = log.put("/a", "2");

    assertThat(watcher(WatchRequest.key(Bytes.of("/a"))).eventsOf(update))
        .as("without prevKv")
        .singleElement()
        .satisfies(e -> assertThat(e.prevKv()).as("prevKv").isNull());
    assertThat(watcher(WatchRequest.key(Bytes.of("/a")).withPrevKv()).eventsOf(update))
        .as("with prevKv")
        .singleElement()
        .satisfies(e -> assertThat(e.prevKv().value()).as("prevKv.value").isEqualTo(Bytes.of("1")));
  }
}
