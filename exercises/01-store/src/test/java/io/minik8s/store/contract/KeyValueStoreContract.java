package io.minik8s.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * What the API server relies on from a {@link KeyValueStore}, checked against any implementation:
 * real etcd (through {@link io.minik8s.store.client.HttpKeyValueStore}) is the ground truth, and
 * the embedded store and our gateway server must pass the same suite.
 *
 * <p>Every test works under its own random key prefix and reads the current revision before it
 * starts (expectations are relative), so the suite may share one store, even one that other
 * tests have written to or compacted.
 */
public abstract class KeyValueStoreContract {

  /** A store for one test; closed after it. It may be shared with other tests (see above). */
  protected abstract KeyValueStore newStore();

  protected KeyValueStore store;
  /**
   * This test's key prefix, e.g. {@code /contract/watchReplaysThenGoesLive/}: tests of one class
   * may share a store, and their method names keep their keys apart, the same way every run.
   */
  protected String prefix;

  @BeforeEach
  void openStore(TestInfo test) {
    store = newStore();
    prefix = "/contract/" + test.getTestMethod().orElseThrow().getName() + "/";
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  protected Bytes key(String name) {
    return Bytes.of(prefix + name);
  }

  protected static Bytes value(String v) {
    return Bytes.of(v);
  }

  /** The store's revision now, read with a range of a key nobody writes. */
  protected long currentRevision() {
    return store.range(RangeRequest.key(Bytes.of(prefix + "\u0000no-such-key"))).header().revision();
  }

  protected PutResponse put(String name, String v) {
    return store.put(PutRequest.of(key(name), value(v)));
  }

  protected KeyValue get(String name) {
    List<KeyValue> kvs = store.range(RangeRequest.key(key(name))).kvs();
    return kvs.isEmpty() ? null : kvs.get(0);
  }

  private List<String> names(List<KeyValue> kvs) {
    return kvs.stream().map(kv -> kv.key().utf8().substring(prefix.length())).toList();
  }

  private static StoreError errorOf(Runnable call) {
    try {
      call.run();
    } catch (StoreException e) {
      return e.error();
    }
    throw new AssertionError("expected a StoreException, the call succeeded");
  }

  // ---- revisions, versions, generations ------------------------------------------------------

  @Test
  void everyPutAdvancesTheRevisionByOne() {
    long start = currentRevision();

    PutResponse first = put("a", "1");
    PutResponse second = put("b", "2");

    assertThat(first.header().revision()).as("revision after the first put from %d", start).isEqualTo(start + 1);
    assertThat(second.header().revision()).as("revision after the second put").isEqualTo(start + 2);
    assertThat(currentRevision()).as("a read does not advance the revision").isEqualTo(start + 2);
  }

  @Test
  void createAndModRevisionsAndVersionTrackAKeysChanges() {
    long created = put("a", "1").header().revision();
    long modified = put("a", "2").header().revision();

    KeyValue kv = get("a");
    assertThat(kv.createRevision()).as("create_revision stays the creating revision").isEqualTo(created);
    assertThat(kv.modRevision()).as("mod_revision is the last change").isEqualTo(modified);
    assertThat(kv.version()).as("version counts changes in this generation").isEqualTo(2);
    assertThat(kv.value()).isEqualTo(value("2"));
    assertThat(kv.lease()).isZero();
  }

  @Test
  void deleteEndsAGenerationAndRecreatingStartsAtVersionOne() {
    put("a", "1");
    put("a", "2");
    long deletedAt = store.deleteRange(DeleteRangeRequest.key(key("a"))).header().revision();
    assertThat(get("a")).as("the key after its delete").isNull();

    long recreated = put("a", "3").header().revision();

    KeyValue kv = get("a");
    assertThat(recreated).isEqualTo(deletedAt + 1);
    assertThat(kv.createRevision()).as("a new generation has a new create_revision").isEqualTo(recreated);
    assertThat(kv.version()).as("a new generation starts at version 1").isEqualTo(1);
  }

  @Test
  void putReturnsThePreviousStateWhenAskedFor() {
    assertThat(store.put(PutRequest.of(key("a"), value("1")).withPrevKv()).prevKv())
        .as("prev_kv of a new key").isNull();
    long rev = put("a", "2").header().revision();

    PutResponse r = store.put(PutRequest.of(key("a"), value("3")).withPrevKv());

    assertThat(r.prevKv()).as("prev_kv").isNotNull();
    assertThat(r.prevKv().value()).isEqualTo(value("2"));
    assertThat(r.prevKv().modRevision()).isEqualTo(rev);
    assertThat(r.prevKv().version()).isEqualTo(2);
  }

  @Test
  void deletingMissingKeysDoesNotAdvanceTheRevision() {
    put("a", "1");
    long before = currentRevision();

    DeleteRangeResponse r = store.deleteRange(DeleteRangeRequest.key(key("missing")));

    assertThat(r.deleted()).isZero();
    assertThat(r.header().revision()).as("revision after deleting nothing").isEqualTo(before);
    assertThat(currentRevision()).isEqualTo(before);
  }

  // ---- range ----------------------------------------------------------------------------------

  @Test
  void rangeOfOneKeyAndOfAMissingKey() {
    put("a", "1");
    put("ab", "2");

    RangeResponse one = store.range(RangeRequest.key(key("a")));
    RangeResponse none = store.range(RangeRequest.key(key("zz")));

    assertThat(names(one.kvs())).as("a single-key range matches the key exactly").containsExactly("a");
    assertThat(one.count()).isEqualTo(1);
    assertThat(one.more()).isFalse();
    assertThat(none.kvs()).isEmpty();
    assertThat(none.count()).isZero();
  }

  @Test
  void prefixRangeReturnsKeysInByteOrder() {
    put("c", "3");
    put("a", "1");
    put("b", "2");
    store.put(PutRequest.of(Bytes.of(prefix.substring(0, prefix.length() - 1) + "0"), value("outside")));

    RangeResponse r = store.range(RangeRequest.prefix(Bytes.of(prefix)));

    assertThat(names(r.kvs())).containsExactly("a", "b", "c");
    assertThat(r.count()).isEqualTo(3);
  }

  @Test
  void zeroRangeEndMeansEveryKeyFromTheStartKeyOn() {
    put("a", "1");
    put("b", "2");
    put("c", "3");

    RangeResponse r = store.range(RangeRequest.range(key("b"), Bytes.ZERO));

    assertThat(r.kvs()).as("range [%s, \\0)", key("b")).isNotEmpty()
        .allSatisfy(kv -> assertThat(kv.key().compareTo(key("b"))).isGreaterThanOrEqualTo(0));
    assertThat(r.kvs().stream().map(KeyValue::key).toList()).startsWith(key("b"), key("c"));
    assertThat(r.kvs().stream().map(KeyValue::key).toList()).doesNotContain(key("a"));
  }

  @Test
  void limitReturnsTheFirstKeysWithMoreAndTheFullCount() {
    put("a", "1");
    put("b", "2");
    put("c", "3");

    RangeResponse r = store.range(RangeRequest.prefix(Bytes.of(prefix)).withLimit(2));

    assertThat(names(r.kvs())).containsExactly("a", "b");
    assertThat(r.more()).as("more, with 3 keys and limit 2").isTrue();
    assertThat(r.count()).as("count counts beyond the limit").isEqualTo(3);

    RangeResponse all = store.range(RangeRequest.prefix(Bytes.of(prefix)).withLimit(3));
    assertThat(all.more()).as("more, with 3 keys and limit 3").isFalse();
  }

  @Test
  void keysOnlyAndCountOnly() {
    put("a", "1");
    put("b", "2");

    RangeResponse keys = store.range(RangeRequest.prefix(Bytes.of(prefix)).withKeysOnly());
    RangeResponse count = store.range(RangeRequest.prefix(Bytes.of(prefix)).withCountOnly());

    assertThat(names(keys.kvs())).containsExactly("a", "b");
    assertThat(keys.kvs()).allSatisfy(kv -> {
      assertThat(kv.value().isEmpty()).as("keys_only drops values").isTrue();
      assertThat(kv.version()).isEqualTo(1);
    });
    assertThat(count.kvs()).as("count_only returns no kvs").isEmpty();
    assertThat(count.count()).isEqualTo(2);
  }

  @Test
  void rangeAtAPastRevisionSeesTheKeyspaceAsItWas() {
    long r1 = put("a", "1").header().revision();
    put("a", "2");
    put("b", "new");
    store.deleteRange(DeleteRangeRequest.key(key("a")));

    RangeResponse past = store.range(RangeRequest.prefix(Bytes.of(prefix)).atRevision(r1));

    assertThat(names(past.kvs())).as("keys at revision %d", r1).containsExactly("a");
    assertThat(past.kvs().get(0).value()).isEqualTo(value("1"));
    assertThat(past.header().revision()).as("the header still carries the current revision").isEqualTo(currentRevision());
  }

  @Test
  void rangeAtAFutureRevisionFails() {
    long now = currentRevision();

    assertThat(errorOf(() -> store.range(RangeRequest.key(key("a")).atRevision(now + 100))))
        .isEqualTo(StoreError.FUTURE_REVISION);
  }

  @Test
  void compactionMakesOlderRevisionsUnreadable() {
    long r1 = put("a", "1").header().revision();
    long r2 = put("a", "2").header().revision();

    store.compact(r2);

    assertThat(errorOf(() -> store.range(RangeRequest.key(key("a")).atRevision(r1))))
        .as("range at %d after compacting at %d", r1, r2).isEqualTo(StoreError.COMPACTED);
    assertThat(store.range(RangeRequest.key(key("a")).atRevision(r2)).kvs())
        .as("the compaction revision itself stays readable").hasSize(1);
    assertThat(errorOf(() -> store.compact(r2))).as("compacting again at %d", r2).isEqualTo(StoreError.COMPACTED);
    assertThat(errorOf(() -> store.compact(currentRevision() + 100))).isEqualTo(StoreError.FUTURE_REVISION);
  }

  @Test
  void anEmptyKeyIsRejected() {
    assertThat(errorOf(() -> store.range(RangeRequest.key(Bytes.EMPTY)))).isEqualTo(StoreError.EMPTY_KEY);
    assertThat(errorOf(() -> store.put(PutRequest.of(Bytes.EMPTY, value("v"))))).isEqualTo(StoreError.EMPTY_KEY);
  }

  // ---- delete range -----------------------------------------------------------------------------

  @Test
  void deletePrefixDeletesEveryKeyInOneRevisionWithPrevKvs() {
    put("a", "1");
    put("b", "2");
    put("c", "3");
    long before = currentRevision();

    DeleteRangeResponse r = store.deleteRange(DeleteRangeRequest.prefix(Bytes.of(prefix)).withPrevKv());

    assertThat(r.deleted()).isEqualTo(3);
    assertThat(r.header().revision()).as("one revision for the whole delete").isEqualTo(before + 1);
    assertThat(names(r.prevKvs())).containsExactly("a", "b", "c");
    assertThat(r.prevKvs().get(1).value()).isEqualTo(value("2"));
    assertThat(store.range(RangeRequest.prefix(Bytes.of(prefix))).count()).isZero();
  }

  // ---- txn --------------------------------------------------------------------------------------

  @Test
  void txnUpdatesWhenModRevisionMatches() {
    long rev = put("a", "1").header().revision();

    TxnResponse r = store.txn(new TxnRequest(
        List.of(Compare.modRevision(key("a"), Compare.Result.EQUAL, rev)),
        List.of(new RequestOp.Put(PutRequest.of(key("a"), value("2"))), new RequestOp.Range(RangeRequest.key(key("a")))),
        List.of(new RequestOp.Range(RangeRequest.key(key("a"))))));

    assertThat(r.succeeded()).as("compare mod_revision == %d", rev).isTrue();
    assertThat(r.header().revision()).isEqualTo(rev + 1);
    assertThat(r.responses()).hasSize(2);
    assertThat(r.responses().get(0)).isInstanceOf(ResponseOp.Put.class);
    RangeResponse read = ((ResponseOp.Range) r.responses().get(1)).response();
    assertThat(read.kvs().get(0).value()).as("a read after a write in the same txn sees it").isEqualTo(value("2"));
    assertThat(get("a").modRevision()).isEqualTo(rev + 1);
  }

  @Test
  void txnRunsTheFailureBranchWhenModRevisionIsStale() {
    long rev = put("a", "1").header().revision();
    put("a", "2");
    long before = currentRevision();

    TxnResponse r = store.txn(new TxnRequest(
        List.of(Compare.modRevision(key("a"), Compare.Result.EQUAL, rev)),
        List.of(new RequestOp.Put(PutRequest.of(key("a"), value("lost update")))),
        List.of(new RequestOp.Range(RangeRequest.key(key("a"))))));

    assertThat(r.succeeded()).as("compare mod_revision == %d (stale)", rev).isFalse();
    assertThat(r.header().revision()).as("a read-only branch does not advance the revision").isEqualTo(before);
    RangeResponse current = ((ResponseOp.Range) r.responses().get(0)).response();
    assertThat(current.kvs().get(0).value()).isEqualTo(value("2"));
    assertThat(get("a").value()).isEqualTo(value("2"));
  }

  @Test
  void txnCreatesOnlyIfAbsent() {
    TxnRequest create = new TxnRequest(
        List.of(Compare.createRevision(key("a"), Compare.Result.EQUAL, 0)),
        List.of(new RequestOp.Put(PutRequest.of(key("a"), value("first")))),
        List.of());

    assertThat(store.txn(create).succeeded()).as("create of a missing key").isTrue();
    assertThat(store.txn(create).succeeded()).as("create of an existing key").isFalse();
    assertThat(get("a").value()).isEqualTo(value("first"));
  }

  @Test
  void aTxnWritingSeveralKeysUsesOneRevision() {
    long before = currentRevision();

    TxnResponse r = store.txn(new TxnRequest(List.of(),
        List.of(new RequestOp.Put(PutRequest.of(key("a"), value("1"))),
            new RequestOp.Put(PutRequest.of(key("b"), value("2")))),
        List.of()));

    assertThat(r.succeeded()).isTrue();
    assertThat(r.header().revision()).isEqualTo(before + 1);
    assertThat(get("a").modRevision()).isEqualTo(before + 1);
    assertThat(get("b").modRevision()).isEqualTo(before + 1);
  }

  @Test
  void compareOnVersionAndValue() {
    put("a", "1");
    put("a", "2");

    TxnResponse r = store.txn(new TxnRequest(
        List.of(Compare.version(key("a"), Compare.Result.GREATER, 1),
            Compare.value(key("a"), Compare.Result.EQUAL, value("2")),
            Compare.version(key("missing"), Compare.Result.EQUAL, 0)),
        List.of(), List.of()));

    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void writingAKeyTwiceInOneTxnIsRejected() {
    StoreError e = errorOf(() -> store.txn(new TxnRequest(List.of(),
        List.of(new RequestOp.Put(PutRequest.of(key("a"), value("1"))),
            new RequestOp.Put(PutRequest.of(key("a"), value("2")))),
        List.of())));

    assertThat(e).isEqualTo(StoreError.DUPLICATE_KEY);
  }

  // ---- watch ------------------------------------------------------------------------------------

  @Test
  void watchFromAPastRevisionReplaysThenFollowsLiveChanges() {
    long r1 = put("a", "1").header().revision();
    put("b", "2");
    long deleted = store.deleteRange(DeleteRangeRequest.key(key("a"))).header().revision();
    RecordingListener listener = new RecordingListener();

    try (Watch ignored = store.watch(WatchRequest.prefix(Bytes.of(prefix)).fromRevision(r1).withPrevKv(), listener)) {
      List<WatchEvent> replayed = listener.awaitEvents(3);
      long live = put("c", "3").header().revision();
      List<WatchEvent> events = listener.awaitEvents(4);

      assertThat(listener.responses().get(0).created()).as("the first response is the created one").isTrue();
      assertThat(events).extracting(e -> e.type() + " " + e.kv().key().utf8().substring(prefix.length()))
          .containsExactly("PUT a", "PUT b", "DELETE a", "PUT c");
      assertThat(replayed.get(0).kv().modRevision()).isEqualTo(r1);
      WatchEvent delete = events.get(2);
      assertThat(delete.kv().modRevision()).as("a DELETE's kv carries the deleting revision").isEqualTo(deleted);
      assertThat(delete.kv().version()).isZero();
      assertThat(delete.kv().createRevision()).isZero();
      assertThat(delete.prevKv()).as("a DELETE's prev_kv").isNotNull();
      assertThat(delete.prevKv().value()).isEqualTo(value("1"));
      assertThat(events.get(3).kv().modRevision()).isEqualTo(live);
      assertThat(events.get(3).prevKv()).as("prev_kv of a created key").isNull();
    }
  }

  @Test
  void eventsOfOneTxnArriveInOneResponse() {
    long start = currentRevision();
    RecordingListener listener = new RecordingListener();

    try (Watch ignored = store.watch(WatchRequest.prefix(Bytes.of(prefix)).fromRevision(start + 1), listener)) {
      store.txn(new TxnRequest(List.of(),
          List.of(new RequestOp.Put(PutRequest.of(key("a"), value("1"))),
              new RequestOp.Put(PutRequest.of(key("b"), value("2")))),
          List.of()));
      listener.awaitEvents(2);

      WatchResponse batch = listener.responses().stream().filter(r -> !r.events().isEmpty()).findFirst().orElseThrow();
      assertThat(batch.events()).as("both events of the txn in one response").hasSize(2);
      assertThat(batch.header().revision()).isEqualTo(start + 1);
    }
  }

  @Test
  void aWatchFromACompactedRevisionIsCanceledWithTheCompactRevision() {
    long r1 = put("a", "1").header().revision();
    long r2 = put("a", "2").header().revision();
    store.compact(r2);
    RecordingListener listener = new RecordingListener();

    try (Watch ignored = store.watch(WatchRequest.key(key("a")).fromRevision(r1), listener)) {
      WatchResponse canceled = listener.awaitCanceled();

      assertThat(canceled.compactRevision()).as("compact_revision of a watch from %d after compacting at %d", r1, r2)
          .isEqualTo(r2);
      assertThat(listener.events()).as("no events from a canceled watch").isEmpty();
    }
  }

  /**
   * etcd 3.4.23 accepts a watch from exactly the compact revision (only one from below it is
   * canceled) and replays what compaction kept of that revision: a put made at it, without
   * prev_kv even when asked (the state before it is gone), but never a delete made at it.
   */
  @Test
  void aWatchFromTheCompactRevisionReplaysItsPutsButNotItsDeletes() {
    put("a", "1");
    long putAt = put("a", "2").header().revision();
    store.compact(putAt);
    RecordingListener fromPut = new RecordingListener();

    try (Watch ignored = store.watch(WatchRequest.prefix(Bytes.of(prefix)).fromRevision(putAt).withPrevKv(), fromPut)) {
      long live = put("a", "3").header().revision();
      List<WatchEvent> events = fromPut.awaitEvents(2);

      assertThat(events).as("a watch from %d after compacting at %d", putAt, putAt).extracting(this::describe)
          .containsExactly("PUT a=2@" + putAt, "PUT a=3@" + live);
      assertThat(events.get(0).prevKv()).as("prev_kv of the put at the compact revision").isNull();
      assertThat(events.get(1).prevKv()).as("prev_kv of the next put: the version at the compact revision")
          .extracting(KeyValue::value).isEqualTo(value("2"));
      assertThat(fromPut.responses()).as("responses of a watch from the compact revision").noneMatch(WatchResponse::canceled);
    }

    long deletedAt = store.deleteRange(DeleteRangeRequest.key(key("a"))).header().revision();
    long putAfter = put("b", "1").header().revision();
    store.compact(deletedAt);
    RecordingListener fromDelete = new RecordingListener();

    try (Watch ignored = store.watch(WatchRequest.prefix(Bytes.of(prefix)).fromRevision(deletedAt), fromDelete)) {
      long live = put("c", "1").header().revision();

      assertThat(fromDelete.awaitEvents(2)).as("a watch from %d after deleting a and compacting at %d", deletedAt, deletedAt)
          .extracting(this::describe).containsExactly("PUT b=1@" + putAfter, "PUT c=1@" + live);
    }
  }

  /** An event as {@code "PUT name=value@modRevision"} or {@code "DELETE name@modRevision"}. */
  private String describe(WatchEvent e) {
    String name = e.kv().key().utf8().substring(prefix.length());
    return e.type() == WatchEvent.Type.PUT
        ? "PUT " + name + "=" + e.kv().value().utf8() + "@" + e.kv().modRevision()
        : "DELETE " + name + "@" + e.kv().modRevision();
  }

  @Test
  void aClosedWatchReceivesNothingMore() {
    RecordingListener closed = new RecordingListener();
    RecordingListener open = new RecordingListener();
    Watch first = store.watch(WatchRequest.key(key("a")), closed);
    try (Watch second = store.watch(WatchRequest.prefix(Bytes.of(prefix)), open)) {
      first.close();
      put("a", "1");
      put("sentinel", "2");

      open.awaitEvents(2);
      assertThat(closed.events()).as("events delivered after close").isEmpty();
    }
  }

  // ---- leases -----------------------------------------------------------------------------------

  @Test
  void aLeaseKeepsItsKeysAndRevokingDeletesThemInOneRevision() {
    Lease.GrantResponse lease = store.leaseGrant(60, 0);
    assertThat(lease.id()).as("a granted lease id").isNotZero();
    assertThat(lease.ttl()).isGreaterThanOrEqualTo(60);
    store.put(PutRequest.of(key("a"), value("1")).withLease(lease.id()));
    store.put(PutRequest.of(key("b"), value("2")).withLease(lease.id()));
    put("c", "no lease");
    assertThat(get("a").lease()).isEqualTo(lease.id());

    Lease.TimeToLiveResponse ttl = store.leaseTimeToLive(lease.id(), true);
    assertThat(ttl.grantedTtl()).isEqualTo(lease.ttl());
    assertThat(ttl.ttl()).isBetween(1L, lease.ttl());
    assertThat(ttl.keys()).containsExactlyInAnyOrder(key("a"), key("b"));

    long before = currentRevision();
    long revokedAt = store.leaseRevoke(lease.id()).header().revision();

    assertThat(revokedAt).as("revoking a lease with 2 keys takes one revision").isEqualTo(before + 1);
    assertThat(names(store.range(RangeRequest.prefix(Bytes.of(prefix))).kvs())).containsExactly("c");
    assertThat(store.leaseTimeToLive(lease.id(), false).ttl()).as("TTL of a revoked lease").isEqualTo(-1);
  }

  @Test
  void keepAliveRestartsTheTtl() {
    Lease.GrantResponse lease = store.leaseGrant(60, 0);

    Lease.KeepAliveResponse r = store.leaseKeepAlive(lease.id());

    assertThat(r.id()).isEqualTo(lease.id());
    assertThat(r.ttl()).isEqualTo(lease.ttl());
    store.leaseRevoke(lease.id());
  }

  @Test
  void aLeaseCanBeGrantedWithAChosenIdOnce() {
    long id = (1L << 45) + 7; // below the ids stores pick themselves (ours and etcd's start near 2^56 and above)

    assertThat(store.leaseGrant(30, id).id()).isEqualTo(id);
    assertThat(errorOf(() -> store.leaseGrant(30, id))).isEqualTo(StoreError.LEASE_EXISTS);
    store.leaseRevoke(id);
  }

  @Test
  void aMissingLeaseIsNotFound() {
    long missing = (1L << 51) + 3; // never granted by any test

    assertThat(errorOf(() -> store.put(PutRequest.of(key("a"), value("1")).withLease(missing))))
        .as("put with a missing lease").isEqualTo(StoreError.LEASE_NOT_FOUND);
    assertThat(errorOf(() -> store.leaseRevoke(missing))).as("revoke").isEqualTo(StoreError.LEASE_NOT_FOUND);
    assertThat(errorOf(() -> store.leaseKeepAlive(missing))).as("keep-alive").isEqualTo(StoreError.LEASE_NOT_FOUND);
    assertThat(store.leaseTimeToLive(missing, false).ttl()).as("time-to-live").isEqualTo(-1);
  }

  // ---- status -----------------------------------------------------------------------------------

  @Test
  void statusReportsAVersionAndTheCurrentRevision() {
    long rev = put("a", "1").header().revision();

    StatusResponse s = store.status();

    assertThat(s.version()).as("version").isNotBlank();
    assertThat(s.header().revision()).isGreaterThanOrEqualTo(rev);
  }
}
