package io.minik8s.store.wal;

import java.nio.file.Path;

/**
 * The write-ahead log is damaged somewhere other than its torn tail, so acknowledged mutations may
 * be lost: the store refuses to start rather than serve a silently different history.
 */
public final class WalCorruptedException extends RuntimeException {

  private final Path file;
  private final long offset;

  public WalCorruptedException(Path file, long offset, String problem) {
    super("WAL segment " + file + " is corrupted at byte offset " + offset + ": " + problem
        + "; acknowledged writes may be lost, so the store will not start: restore the data from a"
        + " snapshot into a new directory (snapshot restore FILE --data-dir NEW_DIR)");
    this.file = file;
    this.offset = offset;
  }

  public Path file() {
    return file;
  }

  public long offset() {
    return offset;
  }
}
