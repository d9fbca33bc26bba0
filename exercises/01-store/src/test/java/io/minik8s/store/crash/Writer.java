package io.minik8s.store.crash;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * One client thread of the crash test: writes in a loop until the server dies under it, and tells
 * the {@link Ledger} what each write did, once the server acknowledged it (or that its outcome is
 * unknown, for the one write in flight when the connection broke).
 *
 * <p>A writer owns its keys ({@code /crash/w3/...}): nobody else writes them, so its writes to a
 * key are sequential and the ledger knows exactly what each key must hold. It keeps them across
 * iterations, so later iterations overwrite and delete what earlier ones wrote before a crash.
 *
 * <p>The mix, drawn from the writer's own seeded {@link Random}:
 *
 * <pre>
 *   38%  put a new key                                    /crash/w3/k17 = "i2/w3/17:..."
 *   15%  overwrite one of its keys (present or deleted)   a new unique value
 *   12%  delete one of its keys                           maybe already absent: changes nothing
 *   20%  txn creating a pair, if a-n is absent            /crash/w3/a-18 and b-18, one value
 *    7%  txn rewriting a pair, if a-n's mod_revision is   both keys, a new value
 *        the one acknowledged (the API server's idiom)
 *    3%  txn deleting a pair, same compare                both keys
 *    5%  range one of its keys                            only its header revision matters
 * </pre>
 *
 * <p>The writes that change nothing and the reads are there for their header revision: it is
 * the store's current revision, and a client that was told a revision must never see the store
 * come back below it after a crash.
 *
 * <p>Values are unique ({@code i<iteration>/w<writer>/<n>:} then padding), 1 in 50 of 4 to 12 KiB
 * so that a record spans pages and a crash can tear it, the others up to 200 bytes.
 */
final class Writer {

  /**
   * A request and what it does once acknowledged: every key of {@code keys} gets {@code value}
   * (null: deleted). A read has no keys.
   */
  private record Op(String what, List<Bytes> keys, Bytes value, Function<KeyValueStore, Ack> send) {
    boolean isWrite() {
      return !keys.isEmpty();
    }
  }

  /** An answer: the response's header revision; {@code changed} if the request wrote anything. */
  private record Ack(long revision, boolean changed) {}

  /** What one iteration of traffic did. */
  record Result(int acknowledged, int unknown, List<String> problems) {}

  private final int id;
  private final Ledger ledger;
  private final List<Bytes> singles = new ArrayList<>();
  private final List<Ledger.Pair> pairs = new ArrayList<>();
  /** Numbers this writer's writes, across iterations: new keys and values are named after it, so unique. */
  private long sequence;

  Writer(int id, Ledger ledger) {
    this.id = id;
    this.ledger = ledger;
  }

  /**
   * Writes until a write fails, which is expected once {@code kill} has fired.
   *
   * @param floor the revision the store recovered at: every answer must be at or above it, and a
   *     write that changed something strictly above it and above every earlier answer
   */
  Result run(int iteration, KeyValueStore client, Random random, KillSwitch kill, long floor) {
    List<String> problems = new ArrayList<>();
    int acknowledged = 0;
    long last = floor;
    while (true) {
      Op op = next(iteration, random);
      String origin = op.what() + " in iteration " + iteration;
      Ack ack;
      try {
        ack = op.send().apply(client);
      } catch (StoreException e) {
        for (Bytes key : op.keys()) {
          ledger.unknown(key, op.value(), origin);
        }
        if (!kill.fired()) {
          problems.add("writer " + id + ": " + op.what() + " failed while the server was up: " + e.getMessage());
        }
        return new Result(acknowledged, op.isWrite() ? 1 : 0, problems);
      }
      if (ack == null) {
        problems.add("writer " + id + ": " + origin + ": the txn's compare failed, so the store does not hold what it"
            + " acknowledged for " + op.keys().get(0) + ": " + ledger.acknowledged(op.keys().get(0)).describe());
        return new Result(acknowledged, 0, problems);
      }
      if (ack.revision() < last || (ack.changed() && ack.revision() == last)) {
        problems.add("writer " + id + ": " + origin + " answered at revision " + ack.revision() + " after this writer"
            + " had seen revision " + last + (last == floor ? " (the recovered revision)" : ""));
      }
      last = ack.revision();
      String answer = origin + (ack.changed() ? "" : ", which changed nothing");
      ledger.answered(ack.revision(), answer);
      for (Bytes key : op.keys()) {
        ledger.acknowledged(key, op.value(), ack.revision(), answer);
      }
      if (op.isWrite()) {
        acknowledged++;
        kill.acknowledged();
      }
    }
  }

  private Op next(int iteration, Random random) {
    long n = sequence++;
    int dice = random.nextInt(100);
    Bytes value = value(iteration, n, random);
    if (dice < 38 || singles.isEmpty()) {
      Bytes key = Bytes.of("/crash/w" + id + "/k" + n);
      singles.add(key);
      return put("put new " + key, key, value);
    }
    if (dice < 53) {
      Bytes key = singles.get(random.nextInt(singles.size()));
      return put("overwrite " + key, key, value);
    }
    if (dice < 65) {
      Bytes key = singles.get(random.nextInt(singles.size()));
      return new Op("delete " + key, List.of(key), null, client -> {
        DeleteRangeResponse response = client.deleteRange(DeleteRangeRequest.key(key));
        return new Ack(response.header().revision(), response.deleted() > 0);
      });
    }
    if (dice < 85 || (dice < 95 && pairs.isEmpty())) {
      Ledger.Pair pair = new Ledger.Pair(Bytes.of("/crash/w" + id + "/a-" + n), Bytes.of("/crash/w" + id + "/b-" + n));
      pairs.add(pair);
      ledger.pair(pair);
      return txn("txn creating " + pair.a() + " and " + pair.b(), pair, value,
          Compare.createRevision(pair.a(), Compare.Result.EQUAL, 0));
    }
    if (dice < 95) {
      Ledger.Pair pair = pairs.get(random.nextInt(pairs.size()));
      Compare unchanged = Compare.modRevision(pair.a(), Compare.Result.EQUAL, ledger.acknowledged(pair.a()).revision());
      return dice < 92
          ? txn("txn rewriting " + pair.a() + " and " + pair.b(), pair, value, unchanged)
          : txn("txn deleting " + pair.a() + " and " + pair.b(), pair, null, unchanged);
    }
    Bytes key = singles.get(random.nextInt(singles.size()));
    return new Op("range " + key, List.of(), null,
        client -> new Ack(client.range(RangeRequest.key(key)).header().revision(), false));
  }

  private static Op put(String what, Bytes key, Bytes value) {
    return new Op(what, List.of(key), value,
        client -> new Ack(client.put(PutRequest.of(key, value)).header().revision(), true));
  }

  /** A txn that, if {@code compare} holds, puts {@code value} into both keys of the pair (or deletes both: null). */
  private static Op txn(String what, Ledger.Pair pair, Bytes value, Compare compare) {
    List<RequestOp> writes = new ArrayList<>();
    for (Bytes key : List.of(pair.a(), pair.b())) {
      writes.add(value == null
          ? new RequestOp.DeleteRange(DeleteRangeRequest.key(key))
          : new RequestOp.Put(PutRequest.of(key, value)));
    }
    TxnRequest request = new TxnRequest(List.of(compare), writes, List.of());
    return new Op(what, List.of(pair.a(), pair.b()), value, client -> {
      TxnResponse response = client.txn(request);
      if (!response.succeeded()) {
        return null;
      }
      boolean changed = value != null || response.responses().stream()
          .anyMatch(r -> r instanceof ResponseOp.DeleteRange d && d.response().deleted() > 0);
      return new Ack(response.header().revision(), changed);
    });
  }

  /** A unique value: {@code i<iteration>/w<writer>/<n>:} and padding, usually short, sometimes KiBs. */
  private Bytes value(int iteration, long n, Random random) {
    int padding = random.nextInt(50) == 0 ? 4096 + random.nextInt(8192) : random.nextInt(200);
    String filler = String.valueOf((char) ('a' + random.nextInt(26)));
    return Bytes.of("i" + iteration + "/w" + id + "/" + n + ":" + filler.repeat(padding));
  }
}
