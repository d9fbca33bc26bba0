package io.minik8s.store.wal;

import io.minik8s.store.mvcc.Mutation;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a WAL directory back at startup, segment by segment, and repairs the one kind of damage a
 * crash is expected to leave: a torn last record.
 *
 * <p>Why a torn tail is normal and anything else is not: the log only ever appends, and a writer
 * is acknowledged only after the fsync that covers its record. A crash (power loss, SIGKILL)
 * during a write therefore damages at most the records after the last completed fsync, which were
 * never acknowledged, and they sit at the very end of the last segment. Dropping them loses
 * nothing anyone was promised. Damage anywhere else (a bad checksum with valid-looking data after
 * it, a bad record in an older segment) hit bytes that were fsynced and acknowledged: the disk or
 * someone else broke them, and skipping them would silently rewrite history, so we refuse to
 * start. Upstream: etcd's wal/decoder.go reports io.ErrUnexpectedEOF for a torn tail (including
 * zero-filled sectors, isTornEntry) and wal/repair.go truncates it; any other error is fatal.
 */
final class WalReader {

  private static final System.Logger LOG = System.getLogger(WalReader.class.getName());

  /** A record read back, with the sequence number its position gives it. */
  record Entry(long sequence, Mutation mutation) {}

  /**
   * @param entries every valid record, in order
   * @param lastSequence the sequence number of the last record (the first segment's first minus 1
   *     when the log is empty; 0 for a directory without segments)
   * @param segments the segment files, in order, after repair
   */
  record Contents(List<Entry> entries, long lastSequence, List<Path> segments) {}

  private WalReader() {}

  /**
   * Reads every segment of {@code walDir}, truncating a torn last record with a warning.
   *
   * @throws WalCorruptedException for damage that is not a torn tail, for a gap in the sequence
   *     numbers between segments, or for a valid record that does not decode
   */
  static Contents recover(Path walDir, Fsync fsync) throws IOException {
    List<Path> segments = SegmentFiles.list(walDir);
    List<Entry> entries = new ArrayList<>();
    long next = segments.isEmpty() ? 1 : SegmentFiles.firstSequence(segments.get(0));
    for (int i = 0; i < segments.size(); i++) {
      Path segment = segments.get(i);
      long first = SegmentFiles.firstSequence(segment);
      if (first != next) {
        throw new WalCorruptedException(segment, 0, "it starts at sequence " + first + " but the segment before"
            + " it ends at " + (next - 1) + ", so records are missing (was a segment file deleted?)");
      }
      next = readSegment(segment, first, i == segments.size() - 1, entries, fsync);
    }
    return new Contents(entries, next - 1, segments);
  }

  /** Reads one segment into {@code entries}; returns the sequence number after its last record. */
  private static long readSegment(Path segment, long first, boolean last, List<Entry> entries, Fsync fsync)
      throws IOException {
    byte[] data = Files.readAllBytes(segment);
    long sequence = first;
    int offset = 0;
    while (true) {
      RecordFormat.Read read = RecordFormat.read(data, offset);
      if (read instanceof RecordFormat.End) {
        return sequence;
      }
      if (read instanceof RecordFormat.Damaged damaged) {
        if (!isTornTail(data, offset, damaged, last)) {
          throw new WalCorruptedException(segment, offset, describe(data, offset, damaged, last));
        }
        LOG.log(Level.WARNING, "WAL segment {0}: torn last record at byte offset {1} ({2}), truncating the"
            + " {3} bytes from there: a crash interrupted its write, so it was never acknowledged",
            segment, offset, damaged.damage(), data.length - offset);
        truncate(segment, offset, fsync);
        return sequence;
      }
      RecordFormat.Valid valid = (RecordFormat.Valid) read;
      try {
        entries.add(new Entry(sequence, MutationCodec.decodeMutation(valid.payload())));
      } catch (IllegalArgumentException e) {
        throw new WalCorruptedException(segment, offset,
            "the record's checksum is valid but it is not a mutation (" + e.getMessage() + ")");
      }
      sequence++;
      offset = valid.next();
    }
  }

  /**
   * Whether the damaged record at {@code offset} is a torn tail (an interrupted, unacknowledged
   * write: truncate it) rather than corruption (refuse to start). Rules:
   *
   * <ul>
   *   <li>only the last segment can have a torn tail: older ones were complete and fsynced before
   *       the next segment was created;
   *   <li>a record cut short (short header or short payload) is torn: the write stopped there;
   *   <li>a bad CRC is torn only when the record ends exactly at the end of the file: some of its
   *       sectors never reached the disk. With more data after it, later records were written,
   *       so this one was complete once and has been damaged since;
   *   <li>a bad length is torn only when every byte from the record on is zero: the file grew but
   *       its data never landed (etcd's isTornEntry checks for such zero-filled sectors).
   * </ul>
   */
  static boolean isTornTail(byte[] data, int offset, RecordFormat.Damaged damaged, boolean lastSegment) {
    // BEGIN EXERCISE 1.5 — decide: a torn last record (truncate) or corruption (refuse to start)
    throw new UnsupportedOperationException("TODO exercise 1.5: decide: a torn last record (truncate) or corruption (refuse to start)");
    // END EXERCISE 1.5
  }

  static boolean allZero(byte[] data, int from) {
    for (int i = from; i < data.length; i++) {
      if (data[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static String describe(byte[] data, int offset, RecordFormat.Damaged damaged, boolean last) {
    String where = last ? "" : " in a segment that is not the last one";
    return switch (damaged.damage()) {
      case SHORT_HEADER -> "the record header is cut short" + where;
      case SHORT_PAYLOAD -> "the record is cut short" + where;
      case BAD_LENGTH -> "the record length is invalid" + where
          + (last ? " and " + (data.length - offset) + " bytes that are not all zero follow" : "");
      case BAD_CRC -> "the record's CRC32C does not match its payload" + where
          + (last ? " and " + (data.length - damaged.end()) + " more bytes follow it" : "");
    };
  }

  private static void truncate(Path segment, long size, Fsync fsync) throws IOException {
    try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.WRITE)) {
      channel.truncate(size);
      fsync.force(channel);
    }
  }
}
