package io.minik8s.store.wal;

import static io.minik8s.store.wal.WalFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.StoreState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Snapshots bound the log. With 200-byte segments (about two records each) and a snapshot every
 * 10 mutations, after 25 writes:
 *
 * <pre>
 *   snap/  000000000000000a.snap  0000000000000014.snap        (records 1..10, 1..20)
 *   wal/   segments holding 11.. onwards; those ending at or before 10 are deleted
 * </pre>
 *
 * The older snapshot is kept, with the log after it, so a damaged newest snapshot still recovers.
 */
class SnapshotTest {

  @TempDir Path tmp;

  static List<String> names(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  /** Writes puts {@code from..to}, applying each to {@code store} and snapshotting when due. */
  static void write(DataDir data, WalFixtures.TinyStore store, int from, int to) {
    for (int i = from; i <= to; i++) {
      Mutation m = put(i, "/k" + (i % 7), "v" + i);
      data.wal().append(m).await();
      store.apply(m);
      if (data.snapshotDue()) {
        data.snapshot(store.toState(), data.wal().lastSequence());
      }
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void snapshotsDeleteTheLogTheyCoverAndRecoveryReplaysTheRest() throws IOException {
    WalFixtures.TinyStore store = new WalFixtures.TinyStore();
    DataDir.Options options = WalFixtures.options(200, 10);
    try (DataDir data = DataDir.open(tmp, options)) {
      write(data, store, 1, 25);
      assertThat(names(tmp.resolve("snap"))).as("snapshots after 25 writes, one every 10")
          .containsExactly(SnapshotFile.name(10), SnapshotFile.name(20));
      List<Path> segments = SegmentFiles.list(tmp.resolve("wal"));
      long first = SegmentFiles.firstSequence(segments.get(0));
      long second = segments.size() > 1 ? SegmentFiles.firstSequence(segments.get(1)) : Long.MAX_VALUE;
      assertThat(first).as("the oldest segment left holds record 11 (first record %d, next segment %d)", first, second)
          .isGreaterThan(1).isLessThanOrEqualTo(11);
      assertThat(second).as("the oldest segment left holds record 11 (next segment starts at)").isGreaterThan(11);

      write(data, store, 26, 32);
      assertThat(names(tmp.resolve("snap"))).as("only the newest two snapshots are kept")
          .containsExactly(SnapshotFile.name(20), SnapshotFile.name(30));
    }

    try (DataDir reopened = DataDir.open(tmp, options)) {
      assertThat(reopened.state().revision()).as("recovery starts from the newest snapshot (records 1..30)").isEqualTo(30);
      assertThat(reopened.mutations()).as("then replays records 31 and 32").containsExactly(put(31, "/k3", "v31"), put(32, "/k4", "v32"));
      WalFixtures.TinyStore recovered = WalFixtures.TinyStore.from(reopened.state()).applyAll(reopened.mutations());
      assertThat(recovered.toState()).as("state after restart").isEqualTo(store.toState());
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 1)
  void aDamagedSnapshotFileIsReportedClearly() throws IOException {
    Path file = tmp.resolve("backup.snap");
    Backup.save(new WalFixtures.TinyStore().applyAll(List.of(put(1, "/a", "1"))).toState(), file);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 2] ^= 0x40;
    Files.write(file, bytes);
    assertThatThrownBy(() -> SnapshotFile.read(file))
        .isInstanceOf(SnapshotCorruptedException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("CRC32C");
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void restoreRefusesANonEmptyDirectoryAndFillsANewOne() throws IOException {
    StoreState state = new WalFixtures.TinyStore().applyAll(List.of(put(1, "/a", "1"), put(2, "/b", "2"))).toState();
    Path file = tmp.resolve("backup.snap");
    Backup.save(state, file);

    Path busy = Files.createDirectories(tmp.resolve("busy"));
    Files.writeString(busy.resolve("keep.txt"), "precious");
    assertThatThrownBy(() -> Backup.restore(file, busy))
        .isInstanceOf(DataDirException.class)
        .hasMessageContaining(busy.toString())
        .hasMessageContaining("not empty");
    assertThat(names(busy)).as("a refused restore touches nothing").containsExactly("keep.txt");

    Path fresh = tmp.resolve("fresh");
    Backup.restore(file, fresh);
    try (DataDir data = DataDir.open(fresh, WalFixtures.FAST)) {
      assertThat(data.state()).as("restored state").isEqualTo(state);
      assertThat(data.mutations()).as("a restored directory has no log yet").isEmpty();
      data.wal().append(put(3, "/c", "3")).await();
    }
    try (DataDir data = DataDir.open(fresh, WalFixtures.FAST)) {
      assertThat(data.mutations()).as("writes after a restore are logged").containsExactly(put(3, "/c", "3"));
    }
  }
}
