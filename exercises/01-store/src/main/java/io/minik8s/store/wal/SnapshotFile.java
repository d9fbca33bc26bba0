package io.minik8s.store.wal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Snapshot files: the whole store state in one file, written so that a crash at any moment leaves
 * either the old file or the complete new one, never a half-written one.
 *
 * <p>Format: two records framed as in the WAL ({@link RecordFormat}: length, CRC32C, payload), a
 * JSON header {@code {"format":"minik8s-snapshot","version":1,"walSequence":N}} and the state as
 * {@link MutationCodec} encodes it, then nothing. In a data directory's {@code snap/} a snapshot is
 * named after the WAL sequence it covers: {@code 00000000000003e8.snap}.
 *
 * <p>Writing: to {@code NAME.tmp} in the same directory, fsync, rename over {@code NAME} (atomic on
 * POSIX within a file system), fsync the directory so the rename itself survives a crash. Upstream:
 * etcd's etcdserver/api/snap/snapshotter.go (save with a CRC, pbutil), pkg/fileutil and
 * etcdctl's snapshot save (write to {@code .part}, fsync, rename).
 */
public final class SnapshotFile {

  static final String SUFFIX = ".snap";
  static final String TEMP_SUFFIX = ".tmp";
  private static final String FORMAT = "minik8s-snapshot";
  private static final int VERSION = 1;
  private static final Pattern NAME = Pattern.compile("[0-9a-f]{16}\\.snap");
  private static final ObjectMapper JSON = new ObjectMapper();

  private SnapshotFile() {}

  /** The name of the snapshot covering the WAL up to {@code walSequence}. */
  static String name(long walSequence) {
    return String.format("%016x%s", walSequence, SUFFIX);
  }

  /** The WAL sequence a snapshot in {@code snap/} covers, from its name. */
  static long walSequence(Path snapshot) {
    String name = snapshot.getFileName().toString();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a snapshot name: " + name);
    }
    return Long.parseUnsignedLong(name.substring(0, 16), 16);
  }

  /** The snapshots of a {@code snap/} directory, oldest first. */
  static List<Path> list(Path snapDir) throws IOException {
    try (Stream<Path> files = Files.list(snapDir)) {
      return files.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).sorted().toList();
    }
  }

  /** Writes the snapshot into {@code snapDir} under its canonical name; returns the file. */
  static Path writeInto(Path snapDir, Snapshot snapshot, Fsync fsync) throws IOException {
    Path file = snapDir.resolve(name(snapshot.walSequence()));
    write(file, snapshot, fsync);
    return file;
  }

  /** Writes the snapshot to {@code file} atomically, replacing any file of that name. */
  public static void write(Path file, Snapshot snapshot) throws IOException {
    write(file, snapshot, Fsync.DEFAULT);
  }

  static void write(Path file, Snapshot snapshot, Fsync fsync) throws IOException {
    byte[] header = JSON.writeValueAsBytes(JSON.createObjectNode()
        .put("format", FORMAT).put("version", VERSION).put("walSequence", snapshot.walSequence()));
    byte[] first = RecordFormat.frame(header);
    byte[] second = RecordFormat.frame(MutationCodec.encode(snapshot.state()));
    Path dir = file.toAbsolutePath().getParent();
    Path temp = dir.resolve(file.getFileName() + TEMP_SUFFIX);
    try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      channel.write(new java.nio.ByteBuffer[] {java.nio.ByteBuffer.wrap(first), java.nio.ByteBuffer.wrap(second)});
      fsync.force(channel);
    }
    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    fsync.directory(dir);
  }

  /**
   * Reads and checks a snapshot file.
   *
   * @throws SnapshotCorruptedException if it is truncated, fails its CRC check or is not a snapshot
   * @throws NoSuchFileException if it does not exist
   */
  public static Snapshot read(Path file) throws IOException {
    byte[] data = Files.readAllBytes(file);
    RecordFormat.Read first = RecordFormat.read(data, 0);
    if (!(first instanceof RecordFormat.Valid header)) {
      throw new SnapshotCorruptedException(file, "its header record at byte offset 0 is " + problem(first));
    }
    long walSequence;
    try {
      JsonNode node = JSON.readTree(header.payload());
      if (!FORMAT.equals(node.path("format").asText()) || node.path("version").asInt() != VERSION) {
        throw new SnapshotCorruptedException(file, "it is not a " + FORMAT + " version " + VERSION + " file");
      }
      walSequence = node.path("walSequence").asLong();
    } catch (IOException e) {
      throw new SnapshotCorruptedException(file, "its header is not JSON (" + e.getMessage() + ")");
    }
    RecordFormat.Read second = RecordFormat.read(data, header.next());
    if (!(second instanceof RecordFormat.Valid state)) {
      throw new SnapshotCorruptedException(file, "its state record at byte offset " + header.next() + " is " + problem(second));
    }
    if (state.next() != data.length) {
      throw new SnapshotCorruptedException(file, (data.length - state.next()) + " unexpected bytes follow the state at byte offset " + state.next());
    }
    try {
      return new Snapshot(walSequence, MutationCodec.decodeState(state.payload()));
    } catch (IllegalArgumentException e) {
      throw new SnapshotCorruptedException(file, "its state does not decode (" + e.getMessage() + ")");
    }
  }

  private static String problem(RecordFormat.Read read) {
    if (read instanceof RecordFormat.End) {
      return "missing (the file ends there)";
    }
    return switch (((RecordFormat.Damaged) read).damage()) {
      case SHORT_HEADER, SHORT_PAYLOAD -> "cut short (the file is truncated)";
      case BAD_LENGTH -> "unreadable (invalid length)";
      case BAD_CRC -> "damaged (CRC32C mismatch)";
    };
  }
}
