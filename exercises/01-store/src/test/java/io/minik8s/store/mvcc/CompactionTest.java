package io.minik8s.store.mvcc;

import static io.minik8s.store.mvcc.MvccStoreTest.assertStoreError;
import static io.minik8s.store.mvcc.MvccStoreTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.lease.Lessor;
import io.minik8s.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise 1.5 (the store's part): compaction. */
class CompactionTest {

  final MvccStore store = new MvccStore(new Lessor(ManualClock.startingAtEpochOfCourse()), c -> {}, MutationLog.NONE);

  /** a=1 @2, a=2 @3, b=1 @4, delete b @5, a=3 @6. */
  @BeforeEach
  void fill() {
    store.put(PutRequest.of(b("a"), b("1")));
    store.put(PutRequest.of(b("a"), b("2")));
    store.put(PutRequest.of(b("b"), b("1")));
    store.deleteRange(DeleteRangeRequest.key(b("b")));
    store.put(PutRequest.of(b("a"), b("3")));
  }

  String valueAt(String key, long rev) {
    List<KeyValue> kvs = store.range(RangeRequest.key(b(key)).atRevision(rev)).kvs();
    return kvs.isEmpty() ? "-" : kvs.get(0).value().utf8();
  }

  @ParameterizedTest(name = "after compact(4): a at {0} = {1}, b at {0} = {2}")
  @CsvSource({
    // rev, a, b
    "4, 2, 1", // the compacted revision itself stays readable: what was live then is kept
    "5, 2, -",
    "6, 3, -",
  })
  @Graded(exercise = "1.5", points = 2)
  void readsAtOrAboveTheCompactedRevisionStillWork(long rev, String a, String b) {
    store.compact(4);

    assertThat(valueAt("a", rev)).as("a at revision %d after compact(4)", rev).isEqualTo(a);
    assertThat(valueAt("b", rev)).as("b at revision %d after compact(4)", rev).isEqualTo(b);
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void readsBelowTheCompactedRevisionFail() {
    store.compact(4);

    assertStoreError(() -> store.range(RangeRequest.key(b("a")).atRevision(3)), StoreError.COMPACTED, "range of a at 3 after compact(4)");
    assertStoreError(() -> store.commitsAfter(2), StoreError.COMPACTED, "commitsAfter(2) after compact(4)");
    assertThat(store.commitsAfter(3)).as("commits after 3, after compact(4): history starts at 4")
        .extracting(Commit::revision).containsExactly(4L, 5L, 6L);
    assertThat(store.commitsAfter(4)).as("commits after 4, after compact(4)").extracting(Commit::revision).containsExactly(5L, 6L);
    assertThat(store.compactRevision()).as("compactRevision()").isEqualTo(4);
  }

  /**
   * Verified on etcd 3.4.23: after {@code compact 5}, a watch from 5 replays a put made at 5, without
   * its prev_kv even when asked, and never a delete made at 5. What compaction keeps of revision 5
   * is what was live at it: the puts, not the state before them, nor what was deleted.
   */
  @Test
  @Graded(exercise = "1.5", points = 2)
  void theCommitAtTheCompactedRevisionKeepsOnlyItsPuts() {
    store.compact(5); // revision 5 deleted b

    assertThat(store.commitsAfter(4)).as("commits after 4, after compact(5): the delete of b at 5 is gone")
        .extracting(Commit::revision).containsExactly(6L);

    store.compact(6); // revision 6 put a=3 over a=2
    List<Commit> fromSix = store.commitsAfter(5);

    assertThat(fromSix).as("commits after 5, after compact(6)").extracting(Commit::revision).containsExactly(6L);
    assertThat(fromSix.get(0).events()).as("events of revision 6 after compact(6)").singleElement().satisfies(put -> {
      assertThat(put.type()).isEqualTo(WatchEvent.Type.PUT);
      assertThat(put.kv().value().utf8()).as("value of a at 6").isEqualTo("3");
      assertThat(put.prevKv()).as("prevKv of the put at the compacted revision: the state before it is gone").isNull();
    });
    StoreState snapshot = store.exportState();
    assertThat(snapshot.commits()).as("a snapshot stores the commits after the compact revision only").isEmpty();
    MvccStore restored =
        MvccStore.restore(snapshot, new Lessor(ManualClock.startingAtEpochOfCourse()), c -> {}, MutationLog.NONE);
    assertThat(restored.commitsAfter(5)).as("commits after 5 of the store restored from that snapshot").isEqualTo(fromSix);
  }

  @Test
  @Graded(exercise = "1.5", points = 1)
  void compactingTwiceOrAheadIsRefusedLikeEtcd() {
    // Verified on etcd 3.4.23: compact 5 twice -> "required revision has been compacted";
    // compact 4 after 5 -> the same; compact 100 at revision 7 -> "required revision is a future revision".
    store.compact(5);

    assertStoreError(() -> store.compact(5), StoreError.COMPACTED, "compact(5) after compact(5)");
    assertStoreError(() -> store.compact(3), StoreError.COMPACTED, "compact(3) after compact(5)");
    assertStoreError(() -> store.compact(7), StoreError.FUTURE_REVISION, "compact(7) at revision 6");
    store.compact(6); // the current revision itself can be compacted
    assertThat(valueAt("a", 0)).as("a after compact(6)").isEqualTo("3");
  }

  @Test
  @Graded(exercise = "1.5", points = 1)
  void compactionForgetsDeletedKeysAndOldValues() {
    store.compact(6);

    assertThat(store.exportState().baseKeys()).as("keys live at 6 after compact(6)").extracting(kv -> kv.key().utf8()).containsExactly("a");
    assertThat(store.put(PutRequest.of(b("b"), b("again"))).header().revision()).as("revision of a put after compaction").isEqualTo(7);
    assertThat(store.range(RangeRequest.key(b("b"))).kvs().get(0).version()).as("version of b re-created after compaction").isEqualTo(1);
  }
}
