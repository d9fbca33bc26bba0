package io.minik8s.store.mvcc;

import static io.minik8s.store.mvcc.MvccStoreTest.assertStoreError;
import static io.minik8s.store.mvcc.MvccStoreTest.b;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.Compare.Result;
import io.minik8s.store.api.Compare.Target;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.lease.Lessor;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise 1.2: compares, branches, one revision per transaction. */
class TxnTest {

  final List<Commit> published = new ArrayList<>();
  final MvccStore store = new MvccStore(new Lessor(ManualClock.startingAtEpochOfCourse()), published::add, MutationLog.NONE);

  /** k: created at 2 ("v1"), changed at 3 ("v2", version 2); k2 created at 4 ("v9"). */
  @BeforeEach
  void fill() {
    store.put(PutRequest.of(b("k"), b("v1")));
    store.put(PutRequest.of(b("k"), b("v2")));
    store.put(PutRequest.of(b("k2"), b("v9")));
  }

  static RequestOp put(String key, String value) {
    return new RequestOp.Put(PutRequest.of(b(key), b(value)));
  }

  static RequestOp get(String key) {
    return new RequestOp.Range(RangeRequest.key(b(key)));
  }

  String value(String key) {
    List<KeyValue> kvs = store.range(RangeRequest.key(b(key))).kvs();
    return kvs.isEmpty() ? null : kvs.get(0).value().utf8();
  }

  @ParameterizedTest(name = "{0} {1}({2}) {3} {4} -> {5}")
  @CsvSource(
      delimiter = '|',
      value = {
        // key   | end | target  | result    | operand | holds
        "k       | ''  | VALUE   | EQUAL     | v2      | true",
        "k       | ''  | VALUE   | NOT_EQUAL | v2      | false",
        "k       | ''  | VALUE   | GREATER   | v1      | true",
        "k       | ''  | VALUE   | LESS      | v1      | false",
        "k       | ''  | VERSION | EQUAL     | 2       | true",
        "k       | ''  | CREATE  | EQUAL     | 2       | true",
        "k       | ''  | MOD     | EQUAL     | 3       | true", // the API server's optimistic concurrency check
        "k       | ''  | MOD     | LESS      | 3       | false",
        "k       | ''  | MOD     | GREATER   | 2       | true",
        "k       | ''  | LEASE   | EQUAL     | 0       | true",
        "missing | ''  | CREATE  | EQUAL     | 0       | true", // a missing key has revisions 0: "does not exist yet"
        "missing | ''  | VERSION | GREATER   | 0       | false",
        "missing | ''  | VALUE   | NOT_EQUAL | x       | false", // a value compare on a missing key is always false
        "k       | l   | VERSION | GREATER   | 0       | true", // [k, l): k and k2, both exist
        "k       | l   | MOD     | GREATER   | 3       | false", // k's mod is 3: not all keys satisfy it
        "k       | l   | VALUE   | LESS      | w       | true",
        "x       | y   | CREATE  | EQUAL     | 0       | true", // an empty range compares as a missing key
      })
  @Graded(exercise = "1.2", points = 3)
  void comparesFollowEtcdsRules(String key, String end, Target target, Result result, String operand, boolean holds) {
    Object value = target == Target.VALUE ? b(operand) : (Object) Long.parseLong(operand);
    Compare compare = new Compare(b(key), b(end), target, result, value);

    TxnResponse response = store.txn(new TxnRequest(List.of(compare), List.of(), List.of()));

    assertThat(response.succeeded())
        .as("%s of [%s, %s) %s %s with k=v2 (create 2, mod 3, version 2) and k2=v9", target, key, end, result, operand)
        .isEqualTo(holds);
  }

  @Test
  @Graded(exercise = "1.2", points = 2)
  void aTxnRunsOneBranchAndWritesEverythingAtOneRevision() {
    TxnResponse ok = store.txn(new TxnRequest(
        List.of(Compare.modRevision(b("k"), Result.EQUAL, 3)),
        List.of(put("k", "v3"), put("new", "n1"), new RequestOp.DeleteRange(DeleteRangeRequest.key(b("k2")))),
        List.of(put("k", "lost"))));

    assertThat(ok.succeeded()).as("mod_revision(k) = 3 holds").isTrue();
    assertThat(ok.header().revision()).as("revision of a txn writing 3 keys at revision 4").isEqualTo(5);
    assertThat(value("k")).as("k after the success branch").isEqualTo("v3");
    assertThat(value("new")).as("new after the success branch").isEqualTo("n1");
    assertThat(value("k2")).as("k2 deleted by the success branch").isNull();
    assertThat(published.get(published.size() - 1).events()).as("events of revision 5").hasSize(3);

    TxnResponse stale = store.txn(new TxnRequest(
        List.of(Compare.modRevision(b("k"), Result.EQUAL, 3)), List.of(put("k", "lost")), List.of(get("k"))));

    assertThat(stale.succeeded()).as("mod_revision(k) = 3 after k changed at 5").isFalse();
    var read = (ResponseOp.Range) stale.responses().get(0);
    assertThat(read.response().kvs().get(0).value().utf8()).as("k read by the failure branch").isEqualTo("v3");
    assertThat(stale.header().revision()).as("a txn that only reads makes no revision").isEqualTo(5);
  }

  @Test
  @Graded(exercise = "1.2", points = 2)
  void readsInATxnSeeItsOwnEarlierWrites() {
    // Verified on etcd 3.4.23: [range k, put k, range k] reports header revisions 4 then 5.
    TxnResponse response = store.txn(new TxnRequest(List.of(), List.of(get("k"), put("k", "v3"), get("k")), List.of()));

    var before = ((ResponseOp.Range) response.responses().get(0)).response();
    var after = ((ResponseOp.Range) response.responses().get(2)).response();
    assertThat(before.kvs().get(0).value().utf8()).as("k read before the put in the txn").isEqualTo("v2");
    assertThat(before.header().revision()).as("header of the read before the put").isEqualTo(4);
    assertThat(after.kvs().get(0).value().utf8()).as("k read after the put in the txn").isEqualTo("v3");
    assertThat(after.kvs().get(0).version()).as("version of k read after the put").isEqualTo(3);
    assertThat(after.header().revision()).as("header of the read after the put").isEqualTo(5);
  }

  @Test
  @Graded(exercise = "1.2", points = 2)
  void nestedTxnsDecideOnTheStateBeforeTheOuterTxn() {
    TxnRequest inner = new TxnRequest(
        List.of(Compare.value(b("k"), Result.EQUAL, b("v2"))), List.of(put("inner", "then")), List.of(put("inner", "else")));
    TxnResponse response = store.txn(new TxnRequest(
        List.of(), List.of(put("k", "changed"), new RequestOp.Txn(inner)), List.of()));

    assertThat(value("inner"))
        .as("the nested compare value(k) = v2 is evaluated before the outer put changed k")
        .isEqualTo("then");
    assertThat(((ResponseOp.Txn) response.responses().get(1)).response().succeeded()).as("nested txn succeeded").isTrue();
    assertThat(store.currentRevision()).as("outer and nested writes share one revision").isEqualTo(5);
  }

  @Test
  @Graded(exercise = "1.2", points = 1)
  void aKeyWrittenTwiceInABranchIsRefusedAndChangesNothing() {
    assertStoreError(
        () -> store.txn(new TxnRequest(List.of(), List.of(put("a", "1"), put("a", "2")), List.of())),
        StoreError.DUPLICATE_KEY, "txn putting a twice");
    assertStoreError(
        () -> store.txn(new TxnRequest(List.of(), List.of(put("k2", "1"),
            new RequestOp.DeleteRange(new DeleteRangeRequest(b("k"), b("l"), false))), List.of())),
        StoreError.DUPLICATE_KEY, "txn putting k2 and deleting [k, l)");

    assertThat(store.currentRevision()).as("revision after refused txns").isEqualTo(4);
    assertThat(value("k")).as("k after refused txns").isEqualTo("v2");
    TxnResponse twoDeletes = store.txn(new TxnRequest(List.of(), List.of(
        new RequestOp.DeleteRange(DeleteRangeRequest.key(b("k"))), new RequestOp.DeleteRange(DeleteRangeRequest.key(b("k")))), List.of()));
    assertThat(twoDeletes.header().revision()).as("deleting k twice in a txn is allowed (etcd 3.4.23)").isEqualTo(5);
  }

  @Test
  void anEmptyKeyInAnyBranchIsRefused() {
    assertStoreError(
        () -> store.txn(new TxnRequest(List.of(), List.of(), List.of(new RequestOp.Range(RangeRequest.key(Bytes.EMPTY))))),
        StoreError.EMPTY_KEY, "txn with a range of an empty key in its failure branch");
  }
}
