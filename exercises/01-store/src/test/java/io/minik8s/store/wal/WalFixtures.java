package io.minik8s.store.wal;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.StoreState;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Mutations to log, a tiny state machine to apply them to, and a log capture for warnings. */
final class WalFixtures {

  private WalFixtures() {}

  /** A put of {@code key=value} at {@code revision}, creating the key. */
  static Mutation put(long revision, String key, String value) {
    KeyValue kv = new KeyValue(Bytes.of(key), revision, revision, 1, Bytes.of(value), 0);
    return new Mutation.Write(new Commit(revision, List.of(new WatchEvent(WatchEvent.Type.PUT, kv, null))));
  }

  /**
   * No fsync at all. These tests reopen directories in the same process, where the page cache
   * survives, so skipping the disk flush changes no outcome and saves seconds per test.
   */
  static final Fsync NO_FSYNC = new Fsync() {
    @Override
    public void force(FileChannel channel) {}

    @Override
    public void directory(Path dir) {}
  };

  /** 1 MiB segments, no snapshots to speak of, no fsync. */
  static final DataDir.Options FAST = options(1 << 20, 1_000_000);

  /** Options without fsync, the given segment size and a snapshot every {@code every} records. */
  static DataDir.Options options(long segmentBytes, long every) {
    return new DataDir.Options(segmentBytes, NO_FSYNC, new SnapshotPolicy(every));
  }

  /**
   * The smallest store that mutations and snapshots make sense for: live keys and leases. It stands
   * in for the MVCC store, which this package must not depend on.
   */
  static final class TinyStore {
    long revision;
    final Map<Bytes, KeyValue> keys = new TreeMap<>();
    final Map<Long, Long> leases = new TreeMap<>();

    static TinyStore from(StoreState state) {
      TinyStore store = new TinyStore();
      store.revision = state.revision();
      state.baseKeys().forEach(kv -> store.keys.put(kv.key(), kv));
      state.leases().forEach(l -> store.leases.put(l.id(), l.ttlSeconds()));
      state.commits().forEach(c -> store.apply(new Mutation.Write(c)));
      return store;
    }

    TinyStore apply(Mutation mutation) {
      if (mutation instanceof Mutation.Write w) {
        revision = w.commit().revision();
        for (WatchEvent e : w.commit().events()) {
          if (e.type() == WatchEvent.Type.PUT) {
            keys.put(e.kv().key(), e.kv());
          } else {
            keys.remove(e.kv().key());
          }
        }
      } else if (mutation instanceof Mutation.LeaseGranted g) {
        leases.put(g.id(), g.ttlSeconds());
      } else if (mutation instanceof Mutation.LeaseRevoked r) {
        leases.remove(r.id());
      }
      return this;
    }

    TinyStore applyAll(List<Mutation> mutations) {
      mutations.forEach(this::apply);
      return this;
    }

    StoreState toState() {
      List<StoreState.LeaseRecord> leaseRecords = new ArrayList<>();
      leases.forEach((id, ttl) -> leaseRecords.add(new StoreState.LeaseRecord(id, ttl)));
      return new StoreState(revision, 0, List.copyOf(keys.values()), List.of(), leaseRecords);
    }

    @Override
    public String toString() {
      return "TinyStore{revision=" + revision + ", keys=" + keys.keySet() + ", leases=" + leases + "}";
    }
  }

  /** Collects what a System.Logger (backed by java.util.logging) logs, formatted. */
  static final class LogCapture extends Handler implements AutoCloseable {
    final List<String> messages = new ArrayList<>();
    private final Logger logger;

    LogCapture(Class<?> source) {
      logger = Logger.getLogger(source.getName());
      logger.addHandler(this);
      logger.setUseParentHandlers(false); // captured, not printed

    }

    @Override
    public synchronized void publish(LogRecord record) {
      messages.add(record.getLevel() + " " + new java.util.logging.SimpleFormatter().formatMessage(record));
    }

    synchronized List<String> messages() {
      return List.copyOf(messages);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
      logger.setUseParentHandlers(true);
    }
  }
}
