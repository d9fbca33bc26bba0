package io.minik8s.store.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.Compare.Result;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.lease.Lessor;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MvccHiddenTest {

  final List<Commit> published = new ArrayList<>();
  final MvccStore store = new MvccStore(new Lessor(ManualClock.startingAtEpochOfCourse()), published::add, MutationLog.NONE);

  static Bytes b(String s) {
    return Bytes.of(s);
  }

  long put(String key, String value) {
    return store.put(PutRequest.of(b(key), b(value))).header().revision();
  }

  KeyValue get(String key, long rev) {
    List<KeyValue> kvs = store.range(RangeRequest.key(b(key)).atRevision(rev)).kvs();
    return kvs.isEmpty() ? null : kvs.get(0);
  }

  static StoreError error(Runnable call) {
    try {
      call.run();
    } catch (StoreException e) {
      return e.error();
    }
    return null;
  }

  @Test
  @Graded(exercise = "1.1", points = 2, hint = "A key deleted and re-created twice: each generation restarts at version 1 with its own create revision, and old generations stay readable at their revisions.")
  void threeGenerationsOfOneKey() {
    put("g", "1"); // 2
    store.deleteRange(DeleteRangeRequest.key(b("g"))); // 3
    put("g", "2"); // 4
    put("g", "3"); // 5
    store.deleteRange(DeleteRangeRequest.key(b("g"))); // 6
    put("g", "4"); // 7

    assertThat(get("g", 2)).as("g at 2").isEqualTo(new KeyValue(b("g"), 2, 2, 1, b("1"), 0));
    assertThat(get("g", 3)).as("g at 3 (deleted)").isNull();
    assertThat(get("g", 5)).as("g at 5").isEqualTo(new KeyValue(b("g"), 4, 5, 2, b("3"), 0));
    assertThat(get("g", 6)).as("g at 6 (deleted)").isNull();
    assertThat(get("g", 7)).as("g at 7").isEqualTo(new KeyValue(b("g"), 7, 7, 1, b("4"), 0));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // case                     | key  | end  | limit | keysOnly | countOnly | rev | keys        | more  | count
        "prefix at a past revision  | /p/  | /p0  | 0     | false    | false     | 3   | /p/a /p/b   | false | 2",
        "limit 1 of 3               | /p/  | /p0  | 1     | false    | false     | 0   | /p/a        | true  | 3",
        "limit larger than count    | /p/  | /p0  | 9     | false    | false     | 0   | /p/a /p/b /p/c | false | 3",
        "count only with limit      | /p/  | /p0  | 1     | false    | true      | 0   | ''          | false | 3",
        "keys only                  | /p/b | ''   | 0     | true     | false     | 0   | /p/b        | false | 1",
        "single missing key         | /q   | ''   | 0     | false    | false     | 0   | ''          | false | 0",
      })
  @Graded(exercise = "1.1", points = 2, hint = "Check count (all matches, even beyond the limit), more (only when kvs were cut off) and count_only, for ranges at the current and at a past revision.")
  void rangeOptions(String name, String key, String end, long limit, boolean keysOnly, boolean countOnly,
      long rev, String keys, boolean more, long count) {
    put("/p/a", "a"); // 2
    put("/p/b", "b"); // 3
    put("/p/c", "c"); // 4
    put("/q/x", "x"); // 5
    var response = store.range(new RangeRequest(b(key), b(end), limit, rev, keysOnly, countOnly));

    assertThat(response.kvs()).as("%s: keys", name).extracting(kv -> kv.key().utf8())
        .containsExactlyElementsOf(keys.isEmpty() ? List.of() : List.of(keys.split(" ")));
    assertThat(response.more()).as("%s: more", name).isEqualTo(more);
    assertThat(response.count()).as("%s: count", name).isEqualTo(count);
    assertThat(response.header().revision()).as("%s: header revision is the current one", name).isEqualTo(5);
    if (keysOnly) {
      assertThat(response.kvs().get(0).value()).as("%s: value", name).isEqualTo(Bytes.EMPTY);
    }
  }

  @Test
  @Graded(exercise = "1.1", points = 1, hint = "A put reports the revision it made; a key deleted and put again in separate requests changes the revision each time.")
  void prevKvAndLeaseOfAPutAreReported() {
    put("k", "1");
    var response = store.put(PutRequest.of(b("k"), b("2")).withPrevKv());
    assertThat(response.prevKv()).as("prevKv of the second put").isEqualTo(new KeyValue(b("k"), 2, 2, 1, b("1"), 0));
    assertThat(response.header().revision()).as("revision of the second put").isEqualTo(3);
    assertThat(published.get(1).events().get(0).prevKv()).as("prevKv in the published event").isEqualTo(response.prevKv());
  }

  @Test
  @Graded(exercise = "1.2", points = 2, hint = "The classic create-if-absent and compare-and-swap idioms: create_revision = 0 means the key is missing; mod_revision = N guards an update.")
  void createIfAbsentAndCompareAndSwap() {
    TxnRequest create = new TxnRequest(List.of(Compare.createRevision(b("lock"), Result.EQUAL, 0)),
        List.of(new RequestOp.Put(PutRequest.of(b("lock"), b("me")))), List.of(new RequestOp.Range(RangeRequest.key(b("lock")))));

    assertThat(store.txn(create).succeeded()).as("first create-if-absent of lock").isTrue();
    TxnResponse second = store.txn(create);
    assertThat(second.succeeded()).as("second create-if-absent of lock").isFalse();
    assertThat(((ResponseOp.Range) second.responses().get(0)).response().kvs().get(0).value().utf8())
        .as("lock read by the failure branch").isEqualTo("me");

    TxnRequest cas = new TxnRequest(List.of(Compare.modRevision(b("lock"), Result.EQUAL, 2)),
        List.of(new RequestOp.Put(PutRequest.of(b("lock"), b("you")))), List.of());
    assertThat(store.txn(cas).header().revision()).as("revision after the swap").isEqualTo(3);
    assertThat(store.txn(cas).succeeded()).as("the same swap again, now stale").isFalse();
    assertThat(store.currentRevision()).as("revision after a failed swap with an empty failure branch").isEqualTo(3);
  }

  @Test
  @Graded(exercise = "1.2", points = 2, hint = "A transaction's writes all share one revision, with a version bump per key; a delete in a txn that finds nothing adds no revision; compares on several conditions must all hold.")
  void manyWritesOneRevisionAndAllComparesMustHold() {
    put("a", "1");
    put("b", "1");
    TxnRequest both = new TxnRequest(
        List.of(Compare.value(b("a"), Result.EQUAL, b("1")), Compare.version(b("b"), Result.GREATER, 1)),
        List.of(new RequestOp.Put(PutRequest.of(b("a"), b("then")))),
        List.of(new RequestOp.Put(PutRequest.of(b("a"), b("else"))), new RequestOp.Put(PutRequest.of(b("b"), b("else"))),
            new RequestOp.DeleteRange(DeleteRangeRequest.key(b("nothing")))));

    TxnResponse response = store.txn(both);

    assertThat(response.succeeded()).as("value(a)=1 AND version(b)>1 with b at version 1").isFalse();
    assertThat(get("a", 0)).as("a after the txn").isEqualTo(new KeyValue(b("a"), 2, 4, 2, b("else"), 0));
    assertThat(get("b", 0)).as("b after the txn").isEqualTo(new KeyValue(b("b"), 3, 4, 2, b("else"), 0));
    assertThat(published).as("commits").hasSize(3);
    assertThat(published.get(2).events()).as("events of the txn commit").hasSize(2);
  }

  @Test
  @Graded(exercise = "1.2", points = 1, hint = "Refused transactions (a key written twice in a branch, also through a nested txn) change nothing.")
  void duplicateKeysThroughNestedTxnsAreRefused() {
    put("x", "0");
    TxnRequest nested = new TxnRequest(List.of(), List.of(new RequestOp.Put(PutRequest.of(b("x"), b("1")))), List.of());
    TxnRequest outer = new TxnRequest(List.of(),
        List.of(new RequestOp.Txn(nested), new RequestOp.Put(PutRequest.of(b("x"), b("2")))), List.of());

    assertThat(error(() -> store.txn(outer))).as("put x in a nested txn and in the outer branch").isEqualTo(StoreError.DUPLICATE_KEY);
    TxnRequest eitherBranch = new TxnRequest(List.of(), List.of(new RequestOp.Txn(new TxnRequest(
        List.of(), List.of(new RequestOp.Put(PutRequest.of(b("x"), b("t")))), List.of(new RequestOp.Put(PutRequest.of(b("x"), b("f"))))))), List.of());
    assertThat(store.txn(eitherBranch).succeeded()).as("put x in both branches of one nested txn is allowed").isTrue();
    assertThat(get("x", 0).value().utf8()).as("x").isEqualTo("t");
  }

  @Test
  @Graded(exercise = "1.5", points = 2, hint = "After compaction, a key deleted before the compacted revision is gone entirely, while the last version of a live key stays readable at the compacted revision; the index must not keep empty keys.")
  void compactionDropsDeadKeysFromTheIndex() {
    put("dead", "1"); // 2
    store.deleteRange(DeleteRangeRequest.key(b("dead"))); // 3
    put("live", "1"); // 4
    put("live", "2"); // 5

    store.compact(4);

    assertThat(get("live", 4).value().utf8()).as("live at the compacted revision 4").isEqualTo("1");
    assertThat(error(() -> store.range(RangeRequest.key(b("live")).atRevision(3)))).as("live at 3 after compact(4)").isEqualTo(StoreError.COMPACTED);
    assertThat(store.exportState().baseKeys()).as("keys live at 4").extracting(kv -> kv.key().utf8()).containsExactly("live");
    assertThat(store.exportState().commits()).as("commits kept after compact(4)").extracting(Commit::revision).containsExactly(5L);
  }

  @Test
  @Graded(exercise = "1.5", points = 1, hint = "A watch may start at the compact revision itself, as in etcd: "
      + "keep of the commit at that revision what compaction keeps of it (Commit.keptByCompaction), and nothing if "
      + "that is nothing.")
  void historyStartsAtTheCompactRevisionWithOnlyItsPuts() {
    put("gone", "1"); // 2
    store.txn(new TxnRequest(List.of(), List.of(new RequestOp.Put(PutRequest.of(b("kept"), b("1"))),
        new RequestOp.DeleteRange(DeleteRangeRequest.key(b("gone")))), List.of())); // 3
    store.deleteRange(DeleteRangeRequest.key(b("kept"))); // 4
    put("later", "1"); // 5

    store.compact(3);

    assertThat(error(() -> store.commitsAfter(1))).as("commitsAfter(1) after compact(3)").isEqualTo(StoreError.COMPACTED);
    List<Commit> history = store.commitsAfter(2);
    assertThat(history).as("commitsAfter(2) after compact(3)").extracting(Commit::revision).containsExactly(3L, 4L, 5L);
    assertThat(history.get(0).events()).as("revision 3 (put kept, delete gone) after compact(3)").containsExactly(
        new WatchEvent(WatchEvent.Type.PUT, get("kept", 3), null));

    store.compact(4);

    assertThat(store.commitsAfter(3)).as("commitsAfter(3) after compact(4), revision 4 only deleted")
        .extracting(Commit::revision).containsExactly(5L);
  }

  @Test
  @Graded(exercise = "1.5", points = 1, hint = "Compacting at a revision at or below the last compaction, or ahead of the store, is refused with etcd's errors.")
  void compactionErrors() {
    put("a", "1");
    put("a", "2");
    assertThat(error(() -> store.compact(4))).as("compact(4) at revision 3").isEqualTo(StoreError.FUTURE_REVISION);
    store.compact(2);
    assertThat(error(() -> store.compact(2))).as("compact(2) again").isEqualTo(StoreError.COMPACTED);
    assertThat(error(() -> store.compact(1))).as("compact(1) after compact(2)").isEqualTo(StoreError.COMPACTED);
    assertThat(get("a", 2).value().utf8()).as("a at 2").isEqualTo("1");
  }
}
