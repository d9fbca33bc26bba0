package io.minik8s.store.wal;

import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.StoreState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A store's data directory, opened: what to restore and where to keep writing.
 *
 * <pre>
 *   DIR/LOCK                       held while a store has the directory open
 *   DIR/snap/00000000000003e8.snap snapshot covering WAL records up to 0x3e8 (the newest 2 kept)
 *   DIR/wal/00000000000003a1.wal   WAL segment whose first record is 0x3a1
 *   DIR/wal/00000000000003f2.wal   ... the last segment is the one being appended to
 * </pre>
 *
 * <p>To restore, the store loads {@link #state()} and applies {@link #mutations()} in order, then
 * appends new mutations to {@link #wal()}. Every {@link SnapshotPolicy} interval it calls
 * {@link #snapshot}, which bounds both the replay time and the WAL's size.
 *
 * <p>Which WAL segments a snapshot frees: those wholly covered by the OLDER of the two snapshots
 * kept, not the newest. So if the newest snapshot turns out damaged, recovery falls back to the
 * older one and still finds every record after it.
 */
public final class DataDir implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(DataDir.class.getName());

  static final String WAL = "wal";
  static final String SNAP = "snap";
  static final int SNAPSHOTS_KEPT = 2;

  /**
   * Knobs tests turn: small segments to get many of them from a few records, a counting or failing
   * fsync, snapshots every few mutations.
   */
  record Options(long segmentBytes, Fsync fsync, SnapshotPolicy policy) {
    /** 64 MiB segments, as etcd's SegmentSizeBytes. */
    static final Options DEFAULT = new Options(64L * 1024 * 1024, Fsync.DEFAULT, SnapshotPolicy.DEFAULT);
  }

  private final Path dir;
  private final Options options;
  private final DirectoryLock lock;
  private final StoreState state;
  private final List<Mutation> mutations;
  private final WriteAheadLog wal;
  private long lastSnapshotSequence; // guarded by this

  private DataDir(Path dir, Options options, DirectoryLock lock, Snapshot snapshot, List<Mutation> mutations,
      WriteAheadLog wal) {
    this.dir = dir;
    this.options = options;
    this.lock = lock;
    this.state = snapshot.state();
    this.lastSnapshotSequence = snapshot.walSequence();
    this.mutations = List.copyOf(mutations);
    this.wal = wal;
  }

  /**
   * Opens (creating it if needed) a data directory, recovering its snapshot and WAL.
   *
   * @throws DataDirException if another store holds it or it cannot be recovered
   * @throws WalCorruptedException if the WAL is damaged beyond its torn tail
   */
  public static DataDir open(Path dir) {
    return open(dir, Options.DEFAULT);
  }

  static DataDir open(Path dir, Options options) {
    try {
      Files.createDirectories(dir.resolve(WAL));
      Files.createDirectories(dir.resolve(SNAP));
      options.fsync().directory(dir);
      DirectoryLock lock = DirectoryLock.acquire(dir);
      try {
        return recover(dir, options, lock);
      } catch (RuntimeException | IOException e) {
        lock.close();
        throw e;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open data directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private static DataDir recover(Path dir, Options options, DirectoryLock lock) throws IOException {
    Path walDir = dir.resolve(WAL);
    deleteTempFiles(dir.resolve(SNAP));
    WalReader.Contents wal = WalReader.recover(walDir, options.fsync());
    long firstInWal = wal.segments().isEmpty() ? wal.lastSequence() + 1 : SegmentFiles.firstSequence(wal.segments().get(0));
    Snapshot snapshot = newestUsableSnapshot(dir, firstInWal);
    long base = snapshot.walSequence();
    List<Mutation> after = new ArrayList<>();
    for (WalReader.Entry entry : wal.entries()) {
      if (entry.sequence() > base) {
        after.add(entry.mutation());
      }
    }
    Path lastSegment = wal.segments().isEmpty() ? null : wal.segments().get(wal.segments().size() - 1);
    long lastSequence = wal.lastSequence();
    if (lastSequence < base) {
      // The snapshot includes records whose WAL write was torn (it was taken before their fsync):
      // the whole log is covered, so drop it and continue numbering after the snapshot.
      for (Path segment : wal.segments()) {
        Files.delete(segment);
      }
      options.fsync().directory(walDir);
      lastSegment = null;
      lastSequence = base;
    }
    SegmentWriter writer = new SegmentWriter(walDir, lastSegment, options.segmentBytes(), options.fsync());
    return new DataDir(dir, options, lock, snapshot, after, new WriteAheadLog(writer, lastSequence));
  }

  /**
   * The newest snapshot that reads back and that the WAL continues (it starts at or before the
   * record after the snapshot); the empty state at sequence 0 if there is none and the WAL starts
   * at 1.
   */
  private static Snapshot newestUsableSnapshot(Path dir, long firstInWal) throws IOException {
    List<Path> snapshots = new ArrayList<>(SnapshotFile.list(dir.resolve(SNAP)));
    List<String> problems = new ArrayList<>();
    for (int i = snapshots.size() - 1; i >= 0; i--) {
      Path file = snapshots.get(i);
      try {
        Snapshot snapshot = SnapshotFile.read(file);
        if (firstInWal <= snapshot.walSequence() + 1) {
          return snapshot;
        }
        problems.add(file + " ends at WAL record " + snapshot.walSequence() + " but the WAL starts at " + firstInWal);
      } catch (SnapshotCorruptedException e) {
        LOG.log(Level.WARNING, "{0}; trying an older snapshot", e.getMessage());
        problems.add(e.getMessage());
      }
    }
    if (firstInWal <= 1) {
      return new Snapshot(0, Snapshot.EMPTY_STATE);
    }
    throw new DataDirException("cannot recover data directory " + dir + ": no usable snapshot, and the WAL starts at"
        + " record " + firstInWal + " (" + String.join("; ", problems) + "); restore it from a backup"
        + " (snapshot restore FILE --data-dir NEW_DIR)");
  }

  /** The state of the snapshot recovery started from ({@link Snapshot#EMPTY_STATE} if none). */
  public StoreState state() {
    return state;
  }

  /** The mutations logged after that snapshot, to apply in order. */
  public List<Mutation> mutations() {
    return mutations;
  }

  /** The log to append new mutations to; closed by {@link #close()}. */
  public WriteAheadLog wal() {
    return wal;
  }

  /** Whether the {@link SnapshotPolicy} asks for a snapshot now. */
  public synchronized boolean snapshotDue() {
    return options.policy().due(lastSnapshotSequence, wal.lastSequence());
  }

  /**
   * Saves a snapshot of {@code state}, which must include every WAL record up to
   * {@code walSequence}, then deletes what it makes redundant: snapshots beyond the newest
   * {@value #SNAPSHOTS_KEPT}, and WAL segments wholly covered by the oldest snapshot kept.
   *
   * <p>The caller takes the pair atomically: under the store's write lock, read
   * {@code wal().lastSequence()} and copy the state; write the file outside the lock.
   *
   * @return the snapshot file
   */
  public synchronized Path snapshot(StoreState state, long walSequence) {
    try {
      Path file = SnapshotFile.writeInto(dir.resolve(SNAP), new Snapshot(walSequence, state), options.fsync());
      lastSnapshotSequence = Math.max(lastSnapshotSequence, walSequence);
      purge();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a snapshot into " + dir.resolve(SNAP) + ": " + e.getMessage(), e);
    }
  }

  private void purge() throws IOException {
    Path snapDir = dir.resolve(SNAP);
    List<Path> snapshots = SnapshotFile.list(snapDir);
    int drop = Math.max(0, snapshots.size() - SNAPSHOTS_KEPT);
    for (Path old : snapshots.subList(0, drop)) {
      Files.delete(old);
    }
    options.fsync().directory(snapDir);
    long covered = SnapshotFile.walSequence(snapshots.get(drop));
    Path walDir = dir.resolve(WAL);
    List<Path> segments = SegmentFiles.list(walDir);
    // A segment ends where the next begins; the last one is open for appends and always stays.
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (SegmentFiles.firstSequence(segments.get(i + 1)) - 1 <= covered) {
        Files.delete(segments.get(i));
      }
    }
    options.fsync().directory(walDir);
  }

  private static void deleteTempFiles(Path snapDir) throws IOException {
    try (Stream<Path> files = Files.list(snapDir)) {
      for (Path temp : files.filter(p -> p.getFileName().toString().endsWith(SnapshotFile.TEMP_SUFFIX)).toList()) {
        Files.delete(temp);
      }
    }
  }

  /** Closes the WAL (flushing what was appended) and releases the directory. */
  @Override
  public void close() {
    try {
      wal.close();
    } finally {
      try {
        lock.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot release the lock on " + dir, e);
      }
    }
  }
}
