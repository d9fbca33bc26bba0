package io.minik8s.store.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MutationLog;
import io.minik8s.store.mvcc.StoreState;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hidden: the torn-tail rules at their edges, crash images, group commit, snapshots and backups. */
class WalDurabilityHiddenTest {

  @TempDir Path tmp;

  static final Fsync NONE = new Fsync() {
    @Override
    public void force(FileChannel channel) {}

    @Override
    public void directory(Path dir) {}
  };

  static DataDir.Options options(long segmentBytes, Fsync fsync, long every) {
    return new DataDir.Options(segmentBytes, fsync, new SnapshotPolicy(every));
  }

  static Mutation put(long revision, String key) {
    KeyValue kv = new KeyValue(Bytes.of(key), revision, revision, 1, Bytes.of("value-" + revision), 0);
    return new Mutation.Write(new Commit(revision, List.of(new WatchEvent(WatchEvent.Type.PUT, kv, null))));
  }

  static List<Mutation> puts(int from, int to) {
    List<Mutation> list = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      list.add(put(i, "/key/" + i));
    }
    return list;
  }

  /** Writes the mutations (awaiting each) into a data dir and returns the bytes of its one segment. */
  byte[] segmentWith(List<Mutation> mutations) throws IOException {
    Path dir = tmp.resolve("source");
    try (DataDir data = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      for (Mutation m : mutations) {
        data.wal().append(m).await();
      }
    }
    return Files.readAllBytes(dir.resolve("wal").resolve(SegmentFiles.name(1)));
  }

  Path dirWithSegments(String name, byte[]... segments) throws IOException {
    Path dir = tmp.resolve(name);
    Path wal = Files.createDirectories(dir.resolve("wal"));
    long first = 1;
    for (byte[] segment : segments) {
      Files.write(wal.resolve(SegmentFiles.name(first)), segment);
      first += countRecords(segment);
    }
    return dir;
  }

  static int countRecords(byte[] segment) {
    int count = 0;
    int offset = 0;
    while (offset + RecordFormat.HEADER_BYTES <= segment.length) {
      int length = java.nio.ByteBuffer.wrap(segment, offset, 4).getInt();
      if (length <= 0) {
        break;
      }
      offset += RecordFormat.HEADER_BYTES + length;
      count++;
    }
    return count;
  }

  static int lastRecordStart(byte[] segment) {
    int offset = 0;
    int last = 0;
    while (offset < segment.length) {
      last = offset;
      offset += RecordFormat.HEADER_BYTES + java.nio.ByteBuffer.wrap(segment, offset, 4).getInt();
    }
    return last;
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "A bad CRC in the very last record of the last segment, with nothing after it, is a torn write: truncate it.")
  void aBadChecksumInTheVeryLastRecordIsATornTail() throws IOException {
    byte[] full = segmentWith(puts(1, 4));
    int lastStart = lastRecordStart(full);
    byte[] damaged = full.clone();
    damaged[damaged.length - 3] ^= 0x10;
    Path dir = dirWithSegments("crc-tail", damaged);
    try (DataDir data = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      assertThat(data.mutations()).isEqualTo(puts(1, 3));
      assertThat(Files.size(dir.resolve("wal").resolve(SegmentFiles.name(1)))).isEqualTo(lastStart);
      data.wal().append(put(4, "/again")).await();
    }
    try (DataDir data = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      assertThat(data.mutations()).as("appends continue where the torn record was").endsWith(put(4, "/again")).hasSize(4);
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 1,
      hint = "A file that grew but whose new bytes never landed ends in zeros: that is a torn tail too.")
  void aZeroFilledTailIsTorn() throws IOException {
    byte[] full = segmentWith(puts(1, 3));
    byte[] padded = Arrays.copyOf(full, full.length + 4096);
    Path dir = dirWithSegments("zeros", padded);
    WalReader.Contents contents = WalReader.recover(dir.resolve("wal"), NONE);
    assertThat(contents.entries()).hasSize(3);
    assertThat(Files.size(dir.resolve("wal").resolve(SegmentFiles.name(1)))).isEqualTo(full.length);
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "Only the last segment can have a torn tail; a damaged record in an older segment is corruption.")
  void aCutRecordInAnOlderSegmentIsCorruption() throws IOException {
    byte[] first = segmentWith(puts(1, 3));
    byte[] cut = Arrays.copyOf(first, first.length - 5);
    Path dir = tmp.resolve("older");
    Path wal = Files.createDirectories(dir.resolve("wal"));
    Files.write(wal.resolve(SegmentFiles.name(1)), cut);
    Files.write(wal.resolve(SegmentFiles.name(4)), RecordFormat.frame(MutationCodec.encode(put(4, "/d"))));
    int offset = lastRecordStart(first);
    assertThatThrownBy(() -> DataDir.open(dir, options(1 << 20, NONE, 1_000_000)).close())
        .isInstanceOf(WalCorruptedException.class)
        .hasMessageContaining(SegmentFiles.name(1))
        .hasMessageContaining("offset " + offset);
  }

  @Test
  @Graded(exercise = "1.5", points = 1,
      hint = "An impossible length followed by non-zero bytes is not a torn write.")
  void aGarbageLengthWithDataAfterItIsCorruption() throws IOException {
    byte[] full = segmentWith(puts(1, 3));
    int second = RecordFormat.HEADER_BYTES + MutationCodec.encode(put(1, "/key/1")).length;
    byte[] damaged = full.clone();
    damaged[second] = (byte) 0xff; // negative length
    Path dir = dirWithSegments("length", damaged);
    assertThatThrownBy(() -> WalReader.recover(dir.resolve("wal"), NONE))
        .isInstanceOf(WalCorruptedException.class)
        .hasMessageContaining("offset " + second);
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "Simulate a power cut: keep only what was fsynced plus part of the next write; exactly the acknowledged writes must come back.")
  void aCrashImageRecoversExactlyTheAcknowledgedWrites() throws IOException {
    AtomicLong syncedSize = new AtomicLong();
    AtomicInteger calls = new AtomicInteger();
    Fsync failAfterSix = channel -> {
      if (calls.incrementAndGet() > 6) {
        throw new IOException("disk gone");
      }
      syncedSize.set(channel.size());
    };
    Path dir = tmp.resolve("live");
    List<Mutation> acknowledged = new ArrayList<>();
    try (DataDir data = DataDir.open(dir, options(1 << 20, failAfterSix, 1_000_000))) {
      for (Mutation m : puts(1, 9)) {
        try {
          data.wal().append(m).await();
          acknowledged.add(m);
        } catch (WalFailedException e) {
          break;
        }
      }
    }
    assertThat(acknowledged).as("acknowledged before the disk failed").isEqualTo(puts(1, 6));
    byte[] written = Files.readAllBytes(dir.resolve("wal").resolve(SegmentFiles.name(1)));
    int synced = (int) syncedSize.get();
    assertThat(written.length).as("the 7th record was written but not fsynced").isGreaterThan(synced);
    int image = synced + (written.length - synced) / 2;
    Path crashed = dirWithSegments("crashed", Arrays.copyOf(written, image));
    try (DataDir data = DataDir.open(crashed, options(1 << 20, NONE, 1_000_000))) {
      assertThat(data.mutations()).isEqualTo(acknowledged);
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "With a slow disk, every writer that arrives during an fsync must be covered by the next single fsync.")
  void writersArrivingDuringAnFsyncShareTheNextOne() throws Exception {
    int writers = 12;
    CountDownLatch firstFsyncStarted = new CountDownLatch(1);
    CountDownLatch othersQueued = new CountDownLatch(writers - 1);
    AtomicInteger fsyncs = new AtomicInteger();
    Fsync gated = new Fsync() {
      @Override
      public void force(FileChannel channel) throws IOException {
        if (fsyncs.incrementAndGet() == 1) {
          firstFsyncStarted.countDown();
          try {
            othersQueued.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
        }
      }

      @Override
      public void directory(Path dir) {}
    };
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try (DataDir data = DataDir.open(tmp.resolve("gc"), options(1 << 20, gated, 1_000_000))) {
      MutationLog.Durable first = data.wal().append(put(1, "/first"));
      assertThat(firstFsyncStarted.await(10, TimeUnit.SECONDS)).as("the flusher started fsyncing record 1").isTrue();
      List<Future<?>> acks = new ArrayList<>();
      for (int w = 2; w <= writers; w++) {
        long revision = w;
        acks.add(pool.submit(() -> {
          MutationLog.Durable d = data.wal().append(put(revision, "/w" + revision));
          othersQueued.countDown();
          d.await();
          return null;
        }));
      }
      first.await();
      for (Future<?> ack : acks) {
        ack.get(20, TimeUnit.SECONDS);
      }
      assertThat(fsyncs.get()).as("fsyncs: one for record 1, one for the %d writers queued behind it", writers - 1).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 1,
      hint = "close() must make every record appended so far durable before it returns.")
  void closeFlushesEverythingAppended() throws IOException {
    Path dir = tmp.resolve("close");
    try (DataDir data = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      puts(1, 7).forEach(m -> data.wal().append(m));
    }
    try (DataDir data = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      assertThat(data.mutations()).isEqualTo(puts(1, 7));
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "If the newest snapshot is damaged, recovery falls back to the older one and replays the WAL after it.")
  void aDamagedNewestSnapshotFallsBackToTheOlderOne() throws IOException {
    Path dir = tmp.resolve("fallback");
    DataDir.Options options = options(150, NONE, 5);
    List<Mutation> all = puts(1, 12);
    try (DataDir data = DataDir.open(dir, options)) {
      List<Mutation> applied = new ArrayList<>();
      for (Mutation m : all) {
        data.wal().append(m).await();
        applied.add(m);
        if (data.snapshotDue()) {
          data.snapshot(stateOf(applied), data.wal().lastSequence());
        }
      }
    }
    Path newest = dir.resolve("snap").resolve(SnapshotFile.name(10));
    assertThat(newest).exists();
    byte[] bytes = Files.readAllBytes(newest);
    bytes[bytes.length / 2] ^= 0x01;
    Files.write(newest, bytes);
    try (DataDir data = DataDir.open(dir, options)) {
      assertThat(data.state()).as("the older snapshot, records 1..5").isEqualTo(stateOf(all.subList(0, 5)));
      assertThat(data.mutations()).as("then records 6..12 from the WAL").isEqualTo(all.subList(5, 12));
    }
  }

  @Test
  @Graded(exercise = "1.5", points = 2,
      hint = "Save a state, restore it into a new directory, open it: the same state, and appends go on from there.")
  void saveAndRestoreRoundTrip() throws IOException {
    StoreState state = stateOf(puts(1, 20));
    Path file = tmp.resolve("backups").resolve("etcd.snap");
    Backup.save(state, file);
    Path restored = tmp.resolve("restored");
    Backup.restore(file, restored);
    try (DataDir data = DataDir.open(restored, options(1 << 20, NONE, 1_000_000))) {
      assertThat(data.state()).isEqualTo(state);
    }
    assertThatThrownBy(() -> Backup.restore(file, restored))
        .isInstanceOf(DataDirException.class).hasMessageContaining("not empty");
  }

  @Test
  @Graded(exercise = "1.5", points = 1,
      hint = "Two stores must never append to the same data directory at once.")
  void aSecondStoreCannotOpenALockedDirectory() throws IOException {
    Path dir = tmp.resolve("locked");
    try (DataDir first = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      first.wal().append(put(1, "/a")).await();
      assertThatThrownBy(() -> DataDir.open(dir, options(1 << 20, NONE, 1_000_000)))
          .isInstanceOf(DataDirException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("in use");
    }
    try (DataDir again = DataDir.open(dir, options(1 << 20, NONE, 1_000_000))) {
      assertThat(again.mutations()).containsExactly(put(1, "/a"));
    }
  }

  /** The state after applying puts (each creating its own key) to an empty store. */
  static StoreState stateOf(List<Mutation> puts) {
    List<KeyValue> keys = new ArrayList<>();
    long revision = 0;
    for (Mutation m : puts) {
      Commit c = ((Mutation.Write) m).commit();
      keys.add(c.events().get(0).kv());
      revision = c.revision();
    }
    keys.sort((a, b) -> a.key().compareTo(b.key()));
    return new StoreState(revision, 0, keys, List.of(), List.of());
  }
}
