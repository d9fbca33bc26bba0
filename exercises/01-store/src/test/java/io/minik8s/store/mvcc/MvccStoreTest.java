package io.minik8s.store.mvcc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.lease.Lessor;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Exercise 1.1: revisions, versions, generations, ranges, reads at a past revision. */
class MvccStoreTest {

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

  static List<String> keys(RangeResponse response) {
    return response.kvs().stream().map(kv -> kv.key().utf8()).toList();
  }

  static void assertStoreError(ThrowingCallable call, StoreError expected, String what) {
    assertThatThrownBy(call)
        .as(what)
        .isInstanceOf(StoreException.class)
        .satisfies(e -> assertThat(((StoreException) e).error()).as(what).isEqualTo(expected));
  }

  @Test
  @Graded(exercise = "1.1", points = 2)
  void everyWriteAdvancesTheRevisionByOne() {
    assertThat(store.currentRevision()).as("revision of an empty store (etcd starts at 1)").isEqualTo(1);
    assertThat(put("a", "1")).as("revision after the first put").isEqualTo(2);
    assertThat(put("b", "1")).as("revision after the second put").isEqualTo(3);
    assertThat(store.deleteRange(DeleteRangeRequest.key(b("a"))).header().revision()).as("revision after deleting a").isEqualTo(4);
    assertThat(store.deleteRange(DeleteRangeRequest.key(b("a"))).header().revision())
        .as("deleting a missing key makes no revision")
        .isEqualTo(4);
    assertThat(published).as("commits published").extracting(Commit::revision).containsExactly(2L, 3L, 4L);
  }

  @ParameterizedTest(name = "at revision {0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // history of "k": put v1 @2, put v2 @3, delete @4, put v3 @5 (a new generation)
        // atRev | value, create, mod, version ("-": no key)
        "2       | v1 2 2 1",
        "3       | v2 2 3 2",
        "4       | -",
        "5       | v3 5 5 1",
        "0       | v3 5 5 1", // 0 = now
      })
  @Graded(exercise = "1.1", points = 3)
  void readsAtAPastRevisionSeeTheKeyAsItWasThen(long atRev, String expected) {
    put("k", "v1");
    put("k", "v2");
    store.deleteRange(DeleteRangeRequest.key(b("k")));
    put("k", "v3");

    KeyValue kv = get("k", atRev);

    String actual = kv == null ? "-" : kv.value().utf8() + " " + kv.createRevision() + " " + kv.modRevision() + " " + kv.version();
    assertThat(actual).as("key k at revision %d (value create mod version)", atRev).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{0}, {1}) -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // keys: a ab b c ; "\0" is written NUL
        "a   | ''  | a", // empty end: the single key
        "a   | b   | a ab",
        "a   | c   | a ab b",
        "ab  | NUL | ab b c", // "\0": every key from ab on
        "NUL | NUL | a ab b c", // every key
        "b   | a   | ''", // end before key: nothing
        "zz  | ''  | ''",
      })
  @Graded(exercise = "1.1", points = 2)
  void rangeFollowsEtcdsEndRules(String key, String end, String expected) {
    for (String k : List.of("c", "a", "b", "ab")) {
      put(k, "x");
    }
    Bytes from = key.equals("NUL") ? Bytes.ZERO : b(key);
    Bytes to = end.equals("NUL") ? Bytes.ZERO : b(end);

    List<String> found = keys(store.range(RangeRequest.range(from, to)));

    assertThat(found).as("range [%s, %s) over a ab b c", key, end)
        .isEqualTo(expected.isEmpty() ? List.of() : Arrays.asList(expected.split(" ")));
  }

  @Test
  @Graded(exercise = "1.1", points = 2)
  void prefixRangeWithLimitCountKeysOnlyAndCountOnly() {
    for (String k : List.of("/pods/a", "/pods/b", "/pods/c", "/svc/a")) {
      put(k, "value-of-" + k);
    }
    RangeRequest pods = RangeRequest.prefix(b("/pods/"));

    RangeResponse limited = store.range(pods.withLimit(2));
    assertThat(keys(limited)).as("prefix /pods/ limit 2").containsExactly("/pods/a", "/pods/b");
    assertThat(limited.more()).as("more with limit 2 of 3").isTrue();
    assertThat(limited.count()).as("count with limit 2 counts all 3").isEqualTo(3);

    RangeResponse all = store.range(pods.withLimit(3));
    assertThat(all.more()).as("more with limit 3 of 3").isFalse();

    RangeResponse keysOnly = store.range(pods.withKeysOnly());
    assertThat(keysOnly.kvs()).as("keys only: no values").allSatisfy(kv -> assertThat(kv.value()).isEqualTo(Bytes.EMPTY));
    assertThat(keysOnly.kvs().get(0).modRevision()).as("keys only keeps revisions").isEqualTo(2);

    RangeResponse countOnly = store.range(pods.withCountOnly());
    assertThat(countOnly.kvs()).as("count only: no kvs").isEmpty();
    assertThat(countOnly.count()).as("count only: count").isEqualTo(3);
    assertThat(countOnly.header().revision()).as("header revision of a range").isEqualTo(5);
  }

  @Test
  @Graded(exercise = "1.1", points = 2)
  void putReturnsThePreviousValueAndDeleteRemovesARangeAtOneRevision() {
    put("/a/1", "one");
    assertThat(store.put(PutRequest.of(b("/a/1"), b("uno")).withPrevKv()).prevKv().value().utf8())
        .as("prevKv of the second put of /a/1").isEqualTo("one");
    assertThat(store.put(PutRequest.of(b("/a/2"), b("two")).withPrevKv()).prevKv())
        .as("prevKv of a put creating /a/2").isNull();
    long before = store.currentRevision();

    DeleteRangeResponse deleted = store.deleteRange(DeleteRangeRequest.prefix(b("/a/")).withPrevKv());

    assertThat(deleted.deleted()).as("keys deleted under /a/").isEqualTo(2);
    assertThat(deleted.prevKvs()).as("prevKvs of the delete").extracting(kv -> kv.value().utf8()).containsExactly("uno", "two");
    assertThat(store.currentRevision()).as("one revision for the whole delete").isEqualTo(before + 1);
    assertThat(published.get(published.size() - 1).events()).as("events of the delete commit").hasSize(2)
        .allSatisfy(e -> assertThat(e.kv().modRevision()).isEqualTo(before + 1));
  }

  @Test
  @Graded(exercise = "1.1", points = 1)
  void readsOfTheFutureAndEmptyKeysAreRefused() {
    put("a", "1");
    assertStoreError(() -> store.range(RangeRequest.key(b("a")).atRevision(3)), StoreError.FUTURE_REVISION,
        "range of a at revision 3 when the store is at 2");
    assertStoreError(() -> store.put(PutRequest.of(Bytes.EMPTY, b("x"))), StoreError.EMPTY_KEY, "put of an empty key");
    assertThat(get("a", 2).value().utf8()).as("a at revision 2").isEqualTo("1");
  }
}
