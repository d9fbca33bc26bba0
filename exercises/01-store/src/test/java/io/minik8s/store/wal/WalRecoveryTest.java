package io.minik8s.store.wal;

import static io.minik8s.store.wal.WalFixtures.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MutationLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery: what a crash can leave at the end of the log is repaired; anything else stops the
 * store. A segment of five records looks like this (offsets in bytes):
 *
 * <pre>
 *   0        s2       s3       s4       s5            end
 *   [rec 1 ][rec 2 ][rec 3 ][rec 4 ][rec 5        ]
 *                                     ^ a cut anywhere in here: torn, truncate back to s5
 *                    ^ a flipped bit here, with records 4 and 5 after it: corruption at s3
 * </pre>
 */
class WalRecoveryTest {

  @TempDir Path tmp;

  static final List<Mutation> FIVE = List.of(
      put(1, "/a", "1"), put(2, "/b", "2"), put(3, "/c", "3"), put(4, "/d", "4"), put(5, "/e", "five"));

  /** Writes the mutations, awaiting each, and returns the one segment's path. */
  static Path writeSegment(Path dir, List<Mutation> mutations) {
    try (DataDir data = DataDir.open(dir, WalFixtures.FAST)) {
      for (Mutation m : mutations) {
        data.wal().append(m).await();
      }
    }
    return dir.resolve("wal").resolve(SegmentFiles.name(1));
  }

  /** Where each record starts in a segment holding {@code mutations}, plus the end. */
  static long[] offsets(List<Mutation> mutations) {
    long[] offsets = new long[mutations.size() + 1];
    for (int i = 0; i < mutations.size(); i++) {
      offsets[i + 1] = offsets[i] + RecordFormat.HEADER_BYTES + MutationCodec.encode(mutations.get(i)).length;
    }
    return offsets;
  }

  static Path copyWal(byte[] segmentBytes, Path dir) throws IOException {
    Path wal = Files.createDirectories(dir.resolve("wal"));
    Files.write(wal.resolve(SegmentFiles.name(1)), segmentBytes);
    return wal;
  }

  static List<Mutation> mutations(WalReader.Contents contents) {
    return contents.entries().stream().map(WalReader.Entry::mutation).toList();
  }

  @Test
  @Graded(exercise = "1.5", points = 3)
  void aTornLastRecordIsTruncatedAtEveryCutPoint() throws IOException {
    byte[] full = Files.readAllBytes(writeSegment(tmp.resolve("original"), FIVE));
    long[] offsets = offsets(FIVE);
    int lastStart = (int) offsets[4];
    assertThat(full.length).as("segment size").isEqualTo((int) offsets[5]);

    Path wal = Files.createDirectories(tmp.resolve("cut").resolve("wal"));
    Path segment = wal.resolve(SegmentFiles.name(1));
    try (WalFixtures.LogCapture log = new WalFixtures.LogCapture(WalReader.class)) {
      for (int cut = lastStart + 1; cut < full.length; cut++) {
        Files.write(segment, Arrays.copyOf(full, cut));
        log.messages.clear();
        WalReader.Contents contents = WalReader.recover(wal, WalFixtures.NO_FSYNC);

        assertThat(mutations(contents)).as("segment cut at byte %d of %d: the first four records survive", cut, full.length)
            .isEqualTo(FIVE.subList(0, 4));
        assertThat(contents.lastSequence()).as("cut at %d: last sequence", cut).isEqualTo(4);
        assertThat(Files.size(segment)).as("cut at %d: the file is truncated to the end of record 4", cut).isEqualTo(lastStart);
        assertThat(log.messages()).as("cut at %d: one warning naming the file and the offset", cut)
            .singleElement().asString()
            .startsWith("WARNING").contains(SegmentFiles.name(1)).contains("offset " + lastStart);
      }
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void corruptionBeforeTheEndRefusesToStartNamingFileAndOffset() throws IOException {
    byte[] full = Files.readAllBytes(writeSegment(tmp.resolve("original"), FIVE));
    long[] offsets = offsets(FIVE);
    // A flipped bit in the payload of records 1 to 4: each has valid records after it.
    for (int record = 0; record < 4; record++) {
      byte[] damaged = full.clone();
      int start = (int) offsets[record];
      damaged[start + RecordFormat.HEADER_BYTES + 3] ^= 0x20;
      Path dir = tmp.resolve("flip-" + record);
      copyWal(damaged, dir);
      int recordNumber = record + 1;

      assertThatThrownBy(() -> DataDir.open(dir, WalFixtures.FAST).close())
          .as("bit flipped in record %d of 5", recordNumber)
          .isInstanceOf(WalCorruptedException.class)
          .hasMessageContaining(SegmentFiles.name(1))
          .hasMessageContaining("byte offset " + start)
          .hasMessageContaining("restore")
          .satisfies(e -> assertThat(((WalCorruptedException) e).offset()).isEqualTo(start));
      assertThat(Files.readAllBytes(dir.resolve("wal").resolve(SegmentFiles.name(1))))
          .as("record %d: a corrupted log is left untouched for inspection", recordNumber).isEqualTo(damaged);
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2)
  void restartRecoversExactlyTheAcknowledgedMutations() throws Exception {
    Path dir = tmp.resolve("data");
    int writers = 8;
    int perWriter = 25;
    // Small segments: the log spans many files and recovery must chain them.
    Map<Integer, List<Mutation>> acknowledged = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (DataDir data = DataDir.open(dir, WalFixtures.options(512, 1_000))) {
      List<Future<?>> done = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        done.add(pool.submit(() -> {
          List<Mutation> mine = Collections.synchronizedList(new ArrayList<>());
          acknowledged.put(writer, mine);
          for (int i = 0; i < perWriter; i++) {
            Mutation m = put(writer * 1000L + i, "/w" + writer + "/" + i, "v" + i);
            MutationLog.Durable durable = data.wal().append(m);
            durable.await();
            mine.add(m);
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(SegmentFiles.list(dir.resolve("wal"))).as("segments of 512 bytes").hasSizeGreaterThan(5);

    try (DataDir reopened = DataDir.open(dir, WalFixtures.options(512, 1_000))) {
      List<Mutation> recovered = reopened.mutations();
      assertThat(recovered).as("recovered mutations").hasSize(writers * perWriter);
      for (int w = 0; w < writers; w++) {
        String prefix = "/w" + w + "/";
        List<Mutation> ofWriter = recovered.stream()
            .filter(m -> ((Mutation.Write) m).commit().events().get(0).kv().key().utf8().startsWith(prefix)).toList();
        assertThat(ofWriter).as("writer %d's mutations, in the order it appended them", w).isEqualTo(acknowledged.get(w));
      }
      assertThat(reopened.wal().lastSequence()).as("appends continue after the recovered records").isEqualTo(writers * perWriter);
    }
  }
}
