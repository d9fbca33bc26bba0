package io.minik8s.store.wal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Forces written bytes to stable storage. Every fsync of the data directory goes through one of
 * these, so tests can count them (group commit), make them fail (a dying disk), or skip them (a
 * test that reopens a directory in the same process needs no disk flush, and fsync is slow: tens
 * of milliseconds on a busy disk). Production uses {@link #DEFAULT}.
 */
@FunctionalInterface
interface Fsync {

  /**
   * {@code force(false)} is {@code fdatasync(2)} on Linux: the data and the metadata needed to read
   * it back (the file size), not the modification time. etcd's fileutil.Fdatasync does the same.
   */
  Fsync DEFAULT = channel -> channel.force(false);

  void force(FileChannel channel) throws IOException;

  /**
   * Makes a directory's entries durable; by default with {@link #syncDirectory}.
   */
  default void directory(Path dir) throws IOException {
    syncDirectory(dir);
  }

  /**
   * Makes a directory's entries durable: after creating, renaming or deleting a file, the file's
   * own fsync does not persist its name; a crash could lose the file. Linux allows fsync on a
   * directory opened read-only; other systems may refuse, which we tolerate (nothing better exists).
   */
  static void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (System.getProperty("os.name", "").toLowerCase().contains("win")) {
        return;
      }
      throw e;
    }
  }
}
