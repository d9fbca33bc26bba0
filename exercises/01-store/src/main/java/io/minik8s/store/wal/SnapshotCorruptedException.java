package io.minik8s.store.wal;

import java.nio.file.Path;

/** A snapshot file cannot be read back: it is truncated, damaged, or not a snapshot at all. */
public final class SnapshotCorruptedException extends RuntimeException {

  private final Path file;

  public SnapshotCorruptedException(Path file, String problem) {
    super("snapshot file " + file + " is damaged: " + problem + "; use another snapshot (an older one, or a backup"
        + " taken with snapshot save)");
    this.file = file;
  }

  public Path file() {
    return file;
  }
}
