package io.minik8s.store.mvcc;

import static io.minik8s.store.mvcc.MvccStoreTest.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.lease.Lessor;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the WAL and snapshots rely on: the mutation log, replay, export and restore. */
class ReplayTest {

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final List<Mutation> logged = new ArrayList<>();
  final Lessor lessor = new Lessor(clock);
  final MvccStore store = new MvccStore(lessor, c -> {}, m -> {
    logged.add(m);
    return () -> {};
  });

  void someHistory() {
    long lease = lessor.grant(0, 30).id();
    store.put(PutRequest.of(b("a"), b("1")));
    store.put(PutRequest.of(b("b"), b("1")).withLease(lease));
    store.txn(new TxnRequest(List.of(), List.of(
        new RequestOp.Put(PutRequest.of(b("a"), b("2"))), new RequestOp.Put(PutRequest.of(b("c"), b("1")))), List.of()));
    store.compact(3);
    store.deleteRange(DeleteRangeRequest.key(b("a")));
    lessor.grant(7, 60);
    lessor.revoke(lease);
    store.put(PutRequest.of(b("a"), b("3")));
  }

  @Test
  void everyMutationIsLoggedInOrder() {
    someHistory();

    assertThat(logged).extracting(m -> m.getClass().getSimpleName()).containsExactly(
        "LeaseGranted", "Write", "Write", "Write", "Compacted", "Write", "LeaseGranted", "Write", "LeaseRevoked", "Write");
  }

  @Test
  void replayingTheLogReproducesTheSameStore() {
    someHistory();
    Lessor replayLessor = new Lessor(clock);
    MvccStore replayed = new MvccStore(replayLessor, c -> {}, MutationLog.NONE);

    logged.forEach(replayed::apply);

    assertThat(replayed.exportState()).isEqualTo(store.exportState());
    RangeRequest all = RangeRequest.range(Bytes.ZERO, Bytes.ZERO);
    assertThat(replayed.range(all).kvs()).isNotEmpty().isEqualTo(store.range(all).kvs());
  }

  @Test
  void restoringAnExportedStateAnswersTheSame() {
    someHistory();
    StoreState state = store.exportState();

    MvccStore restored = MvccStore.restore(state, new Lessor(clock), c -> {}, MutationLog.NONE);

    assertThat(restored.exportState()).isEqualTo(state);
    for (long rev = 3; rev <= store.currentRevision(); rev++) {
      RangeRequest all = RangeRequest.range(Bytes.ZERO, Bytes.ZERO).atRevision(rev);
      assertThat(restored.range(all)).as("everything at revision %d", rev).isEqualTo(store.range(all));
    }
    assertThat(restored.put(PutRequest.of(b("d"), b("1"))).header().revision()).isEqualTo(store.currentRevision() + 1);
  }

  @Test
  void replayRefusesAGapInRevisions() {
    someHistory();
    MvccStore other = new MvccStore(new Lessor(clock), c -> {}, MutationLog.NONE);
    Mutation.Write last = (Mutation.Write) logged.get(logged.size() - 1);

    assertThatThrownBy(() -> other.apply(last)).isInstanceOf(IllegalStateException.class).hasMessageContaining("revision");
  }
}
