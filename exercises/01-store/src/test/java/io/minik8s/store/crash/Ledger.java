package io.minik8s.store.crash;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clients' side of the durability promise: what the store must hold after a crash, key by
 * key. A write the server acknowledged must be there; a write in flight when the server died (the
 * client saw its connection break, not an answer) may or may not be, but if it is, it is whole.
 *
 * <p>A key's story across two crashes:
 *
 * <pre>
 *   iteration 1  put k=v1, acknowledged at revision 10   k must be v1 with mod_revision 10
 *                delete k sent, then SIGKILL             k may be v1 (revision 10) or absent
 *   restart      range finds k absent                    resolved: k is absent from now on
 *   iteration 2  put k=v2, acknowledged at revision 15   k must be v2 with mod_revision 15
 *                put k=v3 sent, then SIGKILL             k may be v2 (revision 15) or v3
 *   restart      range finds k=v3 at revision 16         resolved: k is v3 (revision 16)
 * </pre>
 *
 * <p>Every value is unique, so "v1 or absent" is a precise check, not a guess. Keys written
 * together by one transaction are registered as a pair: both present with the same value and
 * mod_revision, or both absent, whatever the crash interrupted.
 *
 * <p>Thread-safety: each key is written by one client thread only (its owner), so its entry is
 * only touched by that thread during traffic; {@link #verify} and {@link #resolve} run after
 * those threads have finished. The maps themselves are concurrent.
 */
final class Ledger {

  /** A key's value after a write (null: absent), the revision it got (0: unknown) and where from. */
  record Version(Bytes value, long revision, String origin) {

    static final Version NEVER_WRITTEN = new Version(null, 0, "never acknowledged");

    String describe() {
      return value == null
          ? "absent (" + origin + ")"
          : abbreviate(value) + " (" + origin + (revision == 0 ? "" : ", revision " + revision) + ")";
    }
  }

  /** Two keys a transaction always writes together. */
  record Pair(Bytes a, Bytes b) {}

  private static final class Entry {
    Version acknowledged = Version.NEVER_WRITTEN;
    /** The write in flight when the server died, whose outcome is unknown; null if none. */
    Version unknown;
  }

  private final Map<Bytes, Entry> entries = new ConcurrentHashMap<>();
  private final Queue<Pair> pairs = new ConcurrentLinkedQueue<>();
  /**
   * The answer with the highest header revision any client got, acknowledgement or read: a
   * recovered store may not be below it, or it would hand out that revision again for other
   * writes. An answer that wrote nothing (a delete of a missing key, a read) carries the store's
   * current revision, so this also catches answers about writes that were not durable yet.
   */
  private final AtomicReference<Answer> highestAnswer = new AtomicReference<>(new Answer(0, "nothing"));

  private record Answer(long revision, String origin) {}

  void pair(Pair pair) {
    pairs.add(pair);
  }

  /** The server acknowledged setting {@code key} to {@code value} (null: deleted) at {@code revision}. */
  void acknowledged(Bytes key, Bytes value, long revision, String origin) {
    Entry entry = entries.computeIfAbsent(key, k -> new Entry());
    entry.acknowledged = new Version(value, value == null ? 0 : revision, origin);
  }

  /** A client got an answer (a write's acknowledgement, a read) whose header says {@code revision}. */
  void answered(long revision, String origin) {
    Answer answer = new Answer(revision, origin);
    highestAnswer.accumulateAndGet(answer, (a, b) -> b.revision() > a.revision() ? b : a);
  }

  /** A write of {@code value} (null: delete) to {@code key} was sent but never answered. */
  void unknown(Bytes key, Bytes value, String origin) {
    entries.computeIfAbsent(key, k -> new Entry()).unknown = new Version(value, 0, origin);
  }

  /** The key's acknowledged state: what the store holds unless a crash is under way. */
  Version acknowledged(Bytes key) {
    Entry entry = entries.get(key);
    return entry == null ? Version.NEVER_WRITTEN : entry.acknowledged;
  }

  int keys() {
    return entries.size();
  }

  /**
   * Checks a recovered store, read in one range at {@code revision}, against the ledger.
   *
   * @param found every key of the store
   * @return one sentence per violation: the key, what was expected and what was found
   */
  List<String> verify(Map<Bytes, KeyValue> found, long revision) {
    List<String> violations = new ArrayList<>();
    Answer highest = highestAnswer.get();
    if (revision < highest.revision()) {
      violations.add("the store recovered at revision " + revision + ", below revision " + highest.revision()
          + " that a client was already told about (the answer to: " + highest.origin() + ")");
    }
    for (KeyValue kv : found.values()) {
      if (kv.modRevision() > revision) {
        violations.add("key " + kv.key() + " has mod_revision " + kv.modRevision() + " above the range's header revision "
            + revision);
      }
      if (!entries.containsKey(kv.key())) {
        violations.add("key " + kv.key() + " found (" + describe(kv) + ") but no client ever wrote it");
      }
    }
    entries.forEach((key, entry) -> verifyKey(key, entry, found.get(key), violations));
    for (Pair pair : pairs) {
      verifyPair(pair, found.get(pair.a()), found.get(pair.b()), violations);
    }
    return violations;
  }

  private static void verifyKey(Bytes key, Entry entry, KeyValue kv, List<String> violations) {
    Bytes value = kv == null ? null : kv.value();
    Version acknowledged = entry.acknowledged;
    if (Objects.equals(value, acknowledged.value())) {
      if (kv != null && acknowledged.revision() != 0 && kv.modRevision() != acknowledged.revision()) {
        violations.add("key " + key + ": expected " + acknowledged.describe() + ", found the same value with mod_revision "
            + kv.modRevision());
      }
      return;
    }
    if (entry.unknown != null && Objects.equals(value, entry.unknown.value())) {
      return; // the write in flight at the crash landed, whole
    }
    violations.add("key " + key + ": expected " + acknowledged.describe()
        + (entry.unknown == null ? "" : " or, if the write in flight at the crash landed, " + entry.unknown.describe())
        + "; found " + (kv == null ? "it absent" : describe(kv)));
  }

  private static void verifyPair(Pair pair, KeyValue a, KeyValue b, List<String> violations) {
    if (a == null && b == null) {
      return;
    }
    if (a == null || b == null || !a.value().equals(b.value()) || a.modRevision() != b.modRevision()) {
      violations.add("transaction half-applied: " + pair.a() + " is " + (a == null ? "absent" : describe(a)) + " but "
          + pair.b() + " is " + (b == null ? "absent" : describe(b)) + " (one txn always writes both)");
    }
  }

  /**
   * After a successful {@link #verify}: what was found becomes what is expected, so the next
   * crash is checked against it (a write in flight at the last crash either landed or not).
   */
  void resolve(Map<Bytes, KeyValue> found, String when) {
    entries.forEach((key, entry) -> {
      KeyValue kv = found.get(key);
      Bytes value = kv == null ? null : kv.value();
      if (entry.unknown != null && !Objects.equals(value, entry.acknowledged.value())) {
        entry.acknowledged = new Version(value, kv == null ? 0 : kv.modRevision(), entry.unknown.origin()
            + ", unacknowledged but found " + when);
      }
      entry.unknown = null;
    });
  }

  private static String describe(KeyValue kv) {
    return abbreviate(kv.value()) + " at mod_revision " + kv.modRevision();
  }

  /** A value for a message: its unique head and its size, not kilobytes of padding. */
  static String abbreviate(Bytes value) {
    String text = value.toString();
    return text.length() <= 40 ? "\"" + text + "\"" : "\"" + text.substring(0, 40) + "...\" [" + value.size() + " bytes]";
  }
}
