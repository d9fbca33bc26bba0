package io.minik8s.store.wal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends framed records to the current WAL segment and starts a new segment once the current one
 * has reached the size limit. Not thread-safe: only the WAL's flusher thread uses it.
 *
 * <p>A new segment is only started between two batches, after the previous batch's fsync, so every
 * segment but the last is complete and durable: that is what lets recovery call damage in an older
 * segment corruption. Segments exist so that a snapshot can delete the log it covers a file at a
 * time, without rewriting anything.
 */
final class SegmentWriter implements Closeable {

  private final Path walDir;
  private final long segmentBytes;
  private final Fsync fsync;
  private FileChannel channel;
  private long size;

  /**
   * @param lastSegment the segment to continue appending to, or null to start a new one with the
   *     first append
   */
  SegmentWriter(Path walDir, Path lastSegment, long segmentBytes, Fsync fsync) throws IOException {
    this.walDir = walDir;
    this.segmentBytes = segmentBytes;
    this.fsync = fsync;
    if (lastSegment != null) {
      channel = FileChannel.open(lastSegment, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      size = channel.size();
    }
  }

  /** Writes the frames, whose first record has sequence number {@code firstSequence}. */
  void append(long firstSequence, List<byte[]> frames) throws IOException {
    if (channel == null || size >= segmentBytes) {
      startSegment(firstSequence);
    }
    ByteBuffer[] buffers = new ByteBuffer[frames.size()];
    long total = 0;
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = ByteBuffer.wrap(frames.get(i));
      total += buffers[i].remaining();
    }
    long written = 0;
    while (written < total) {
      written += channel.write(buffers);
    }
    size += total;
  }

  /** Forces everything appended so far to disk. */
  void sync() throws IOException {
    fsync.force(channel);
  }

  private void startSegment(long firstSequence) throws IOException {
    if (channel != null) {
      channel.close();
    }
    Path segment = walDir.resolve(SegmentFiles.name(firstSequence));
    channel = FileChannel.open(segment, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    size = 0;
    fsync.directory(walDir);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
