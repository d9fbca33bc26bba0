package io.minik8s.store.wal;

import io.minik8s.store.mvcc.StoreState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Backups, as {@code etcdctl snapshot save FILE} and {@code etcdctl snapshot restore FILE
 * --data-dir DIR} make them: a standalone snapshot file, and a new data directory started from
 * one. This is how a cluster's state survives the loss of its disk: Kubernetes keeps everything in
 * the store, so backing up the store backs up the cluster.
 */
public final class Backup {

  private Backup() {}

  /** Saves the state to a standalone snapshot file, atomically (a crash leaves no half file). */
  public static void save(StoreState state, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    SnapshotFile.write(file, new Snapshot(0, state));
  }

  /**
   * Creates a new data directory whose store starts with the snapshot's state: the snapshot as
   * {@code snap/0000000000000000.snap} and an empty WAL.
   *
   * @throws DataDirException if {@code dataDir} exists and is not empty (as etcdctl refuses with
   *     "data-dir exists"): restoring over a live directory would mix two histories
   * @throws SnapshotCorruptedException if the file fails its checks; nothing is created then
   */
  public static void restore(Path file, Path dataDir) throws IOException {
    if (Files.exists(dataDir) && (!Files.isDirectory(dataDir) || !isEmpty(dataDir))) {
      throw new DataDirException("cannot restore " + file + " into " + dataDir + ": the directory exists and is"
          + " not empty; restore into a new directory, then start the store with --data-dir pointing at it");
    }
    StoreState state = SnapshotFile.read(file).state();
    Files.createDirectories(dataDir.resolve(DataDir.WAL));
    Path snapDir = Files.createDirectories(dataDir.resolve(DataDir.SNAP));
    SnapshotFile.writeInto(snapDir, new Snapshot(0, state), Fsync.DEFAULT);
    Fsync.syncDirectory(dataDir);
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }
}
