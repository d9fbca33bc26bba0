package io.minik8s.store;

import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MvccStore;
import io.minik8s.store.wal.DataDir;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An {@link EmbeddedStore} that survives restarts: recovery loads the newest snapshot of a data
 * directory and replays the write-ahead log after it; every write is then logged (and fsynced,
 * shared by concurrent writers) before it is acknowledged; a snapshot is taken whenever the
 * directory's policy asks for one, so the log stays short and recovery fast.
 */
public final class DurableStore implements AutoCloseable {

  private static final Logger LOG = System.getLogger(DurableStore.class.getName());

  /** How often the snapshot policy is consulted; a snapshot is taken only when it is due. */
  private static final long SNAPSHOT_CHECK_MILLIS = 1_000;

  private final DataDir dataDir;
  private final EmbeddedStore store;
  private final ScheduledExecutorService snapshots;

  private DurableStore(DataDir dataDir, EmbeddedStore store) {
    this.dataDir = dataDir;
    this.store = store;
    this.snapshots = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "store-snapshots");
      thread.setDaemon(true);
      return thread;
    });
    snapshots.scheduleWithFixedDelay(this::snapshotQuietly, SNAPSHOT_CHECK_MILLIS, SNAPSHOT_CHECK_MILLIS, TimeUnit.MILLISECONDS);
  }

  /**
   * Opens (or creates) {@code dir} and recovers the store in it.
   *
   * @param configure adds the in-memory settings (clock, intervals) to the builder
   */
  public static DurableStore open(Path dir, Clock clock, java.util.function.UnaryOperator<EmbeddedStore.Builder> configure) {
    DataDir dataDir = DataDir.open(dir);
    EmbeddedStore store = null;
    try {
      store = configure.apply(EmbeddedStore.builder().clock(clock).state(dataDir.state()).mutationLog(dataDir.wal())).build();
      for (Mutation m : dataDir.mutations()) {
        store.apply(m);
      }
      LOG.log(Level.INFO, "recovered " + dir + " at revision " + store.commitLog().currentRevision()
          + " (" + dataDir.mutations().size() + " log records after the snapshot)");
      return new DurableStore(dataDir, store);
    } catch (RuntimeException e) {
      if (store != null) {
        store.close(); // its timer and delivery threads; closes the log too
      }
      dataDir.close();
      throw e;
    }
  }

  public EmbeddedStore store() {
    return store;
  }

  /** Takes a snapshot now if the policy says one is due; returns whether it did. */
  public boolean snapshotIfDue() {
    if (!dataDir.snapshotDue()) {
      return false;
    }
    MvccStore.Exported<Long> exported = store.exportStateWith(() -> dataDir.wal().lastSequence());
    Path file = dataDir.snapshot(exported.state(), exported.with());
    LOG.log(Level.INFO, "snapshot " + file + " at revision " + exported.state().revision());
    return true;
  }

  private void snapshotQuietly() {
    try {
      snapshotIfDue();
    } catch (RuntimeException e) {
      // a scheduled task that throws is never run again: log it and try at the next tick, so a
      // transient disk error does not leave the log growing forever
      LOG.log(Level.WARNING, "snapshot failed; retrying later", e);
    }
  }

  /** Stops snapshots, then closes the store (flushing the log) and releases the directory. */
  @Override
  public void close() {
    snapshots.shutdownNow();
    store.close();
    dataDir.close();
  }
}
