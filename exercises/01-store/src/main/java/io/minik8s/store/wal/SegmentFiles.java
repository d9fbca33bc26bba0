package io.minik8s.store.wal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * WAL segment file names. A segment is named after the sequence number of its first record, in
 * 16 hex digits so names sort like numbers: {@code 0000000000000001.wal},
 * {@code 00000000000003e9.wal}, ... The records of a segment have consecutive sequence numbers, so
 * a record's number is its segment's first plus its index, and is never stored in the record.
 * (etcd names segments {@code <seq>-<raft index>.wal} for the same reason: wal/util.go.)
 */
final class SegmentFiles {

  static final String SUFFIX = ".wal";
  private static final Pattern NAME = Pattern.compile("([0-9a-f]{16})\\.wal");

  private SegmentFiles() {}

  static String name(long firstSequence) {
    return String.format("%016x%s", firstSequence, SUFFIX);
  }

  /** The first sequence number from a segment's name. */
  static long firstSequence(Path segment) {
    Matcher m = NAME.matcher(segment.getFileName().toString());
    if (!m.matches()) {
      throw new IllegalArgumentException("not a WAL segment name: " + segment.getFileName());
    }
    return Long.parseUnsignedLong(m.group(1), 16);
  }

  /** The segments in a WAL directory, in sequence order; other files are ignored. */
  static List<Path> list(Path walDir) throws IOException {
    try (Stream<Path> files = Files.list(walDir)) {
      return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }
}
