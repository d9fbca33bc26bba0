package io.minik8s.store.wal;

import io.minik8s.store.mvcc.MutationLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A measurement, not a test: appends per second with W concurrent writers, each appending and
 * awaiting durability in a loop, real fsync on. Prints fsyncs too, to show the group commit.
 *
 * <pre>java -cp ... io.minik8s.store.wal.WalThroughputMain [writers=16] [seconds=5] [dir]</pre>
 */
public final class WalThroughputMain {

  public static void main(String[] args) throws Exception {
    int writers = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    long seconds = args.length > 1 ? Long.parseLong(args[1]) : 5;
    Path dir = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("wal-bench");
    AtomicInteger fsyncs = new AtomicInteger();
    Fsync counting = channel -> {
      fsyncs.incrementAndGet();
      Fsync.DEFAULT.force(channel);
    };
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    List<Future<Integer>> counts = new ArrayList<>();
    try (DataDir data = DataDir.open(dir, new DataDir.Options(64L << 20, counting, SnapshotPolicy.DEFAULT))) {
      for (int w = 0; w < writers; w++) {
        int writer = w;
        counts.add(pool.submit(() -> {
          int n = 0;
          while (System.nanoTime() < deadline) {
            MutationLog.Durable d = data.wal().append(WalFixtures.put(n, "/registry/bench/w" + writer + "/" + n, "x".repeat(100)));
            d.await();
            n++;
          }
          return n;
        }));
      }
      int total = 0;
      for (Future<Integer> c : counts) {
        total += c.get();
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      System.out.printf("writers=%d appends=%d in %.1fs: %.0f appends/s, %d fsyncs (%.1f appends per fsync, %.2f ms per fsync)%n",
          writers, total, elapsed, total / elapsed, fsyncs.get(), (double) total / fsyncs.get(), elapsed * 1000 / fsyncs.get());
    } finally {
      pool.shutdownNow();
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
