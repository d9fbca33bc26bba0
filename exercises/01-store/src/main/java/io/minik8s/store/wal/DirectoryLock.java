package io.minik8s.store.wal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory, held while a store uses it: two stores appending to one
 * WAL would interleave records and corrupt it. It is an OS file lock on {@code DIR/LOCK}, so it is
 * released when the process dies, even by SIGKILL; the file itself stays (deleting it would race
 * with the next opener). etcd locks its WAL files the same way (pkg/fileutil.TryLockFile).
 */
final class DirectoryLock implements AutoCloseable {

  static final String FILE = "LOCK";

  private final FileChannel channel;
  private final FileLock lock;

  private DirectoryLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** @throws DataDirException if another store (in this process or another) holds the lock */
  static DirectoryLock acquire(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // held by this very JVM
    }
    if (lock == null) {
      channel.close();
      throw new DataDirException("data directory " + dir + " is in use by another store (it holds the lock on "
          + file + "); stop that store first, or use another --data-dir");
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)));
    return new DirectoryLock(channel, lock);
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
