package io.minik8s.bench;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.client.HttpKeyValueStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The store benchmarks, run against one server through {@link HttpKeyValueStore}, so both servers
 * are measured through the same client over the same etcd v3 JSON gateway protocol. Each
 * benchmark writes under its own prefix of a fresh store; latencies go into HdrHistograms
 * (nanosecond values, 3 significant digits) and are reported in milliseconds.
 */
final class StoreWorkloads {

  /** Puts and ranges slower than this are recorded as this: far beyond any figure we report. */
  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Watchers per HTTP client: each watch holds a connection; spread them over a few clients. */
  private static final int WATCHERS_PER_CLIENT = 100;

  /** How long one put may take to reach every watcher before the benchmark gives up. */
  private static final long DELIVERY_TIMEOUT_SECONDS = 30;

  private final String endpoint;
  private final Sizes sizes;

  StoreWorkloads(String endpoint, Sizes sizes) {
    this.endpoint = endpoint;
    this.sizes = sizes;
  }

  /**
   * Warms both JVMs' JITs (and etcd's caches) on every path the benchmarks take, for
   * {@link Sizes#warmupSeconds()}: rounds of sequential puts, concurrent puts and a range over
   * what the round wrote. Measures nothing.
   */
  void warmUp() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.warmupSeconds());
    try (HttpKeyValueStore store = new HttpKeyValueStore(endpoint)) {
      int round = 0;
      do {
        String prefix = "/bench/warmup/" + round++ + "/";
        for (int i = 0; i < 100; i++) {
          store.put(PutRequest.of(key(prefix + "seq/", i), value("")));
        }
        putConcurrently(store, prefix + "conc/", 50 * sizes.clients(), histogram());
        store.range(RangeRequest.prefix(Bytes.of(prefix)));
      } while (System.nanoTime() < deadline);
    }
  }

  /** One client, one put at a time: each put's latency is a full round trip including its fsync. */
  List<Figure> sequentialPuts() {
    try (HttpKeyValueStore store = new HttpKeyValueStore(endpoint)) {
      Histogram latencies = histogram();
      long start = System.nanoTime();
      for (int i = 0; i < sizes.sequentialPuts(); i++) {
        PutRequest put = PutRequest.of(key("/bench/seq/", i), value(""));
        long t0 = System.nanoTime();
        store.put(put);
        latencies.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
      }
      return putFigures("sequential put", sizes.sequentialPuts(), System.nanoTime() - start, latencies);
    }
  }

  /** {@code clients} threads putting at once: what group commit is for. */
  List<Figure> concurrentPuts() {
    try (HttpKeyValueStore store = new HttpKeyValueStore(endpoint)) {
      Histogram latencies = histogram();
      long elapsed = putConcurrently(store, "/bench/conc/", sizes.concurrentPuts(), latencies);
      return putFigures("put, " + sizes.clients() + " clients", sizes.concurrentPuts(), elapsed, latencies);
    }
  }

  /** Loads {@code rangeKeys} keys, then times reading them all with one range request, repeatedly. */
  List<Figure> range() {
    try (HttpKeyValueStore store = new HttpKeyValueStore(endpoint)) {
      putConcurrently(store, "/bench/range/", sizes.rangeKeys(), histogram());
      RangeRequest all = RangeRequest.prefix(Bytes.of("/bench/range/"));
      for (int i = 0; i < 3; i++) {
        checkRange(store.range(all));
      }
      Histogram latencies = histogram();
      for (int i = 0; i < sizes.rangeRepeats(); i++) {
        long t0 = System.nanoTime();
        RangeResponse response = store.range(all);
        latencies.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
        checkRange(response);
      }
      String benchmark = "range of " + count(sizes.rangeKeys()) + " keys";
      return List.of(
          new Figure(benchmark, "p50 (ms)", millis(latencies, 50), false),
          new Figure(benchmark, "p99 (ms)", millis(latencies, 99), false));
    }
  }

  /**
   * {@code watchers} watches on one prefix, then puts one at a time, each value carrying the
   * {@link System#nanoTime()} it was sent at; a watcher records how long the event took to reach
   * it, and the next put goes out once every watcher has seen the last one. So a latency is one
   * put's commit (fsync included) plus its fan-out to all watchers, never queueing behind earlier
   * puts.
   */
  List<Figure> watch() throws InterruptedException {
    int puts = sizes.watchWarmupPuts() + sizes.watchPuts();
    CountDownLatch[] delivered = new CountDownLatch[puts];
    for (int i = 0; i < puts; i++) {
      delivered[i] = new CountDownLatch(sizes.watchers());
    }
    Histogram latencies = new ConcurrentHistogram(MAX_NANOS, 3);
    AtomicInteger canceled = new AtomicInteger();
    WatchListener listener = response -> {
      long now = System.nanoTime();
      for (WatchEvent event : response.events()) {
        int i = Integer.parseInt(event.kv().key().utf8().substring("/bench/watch/".length()));
        String value = event.kv().value().utf8();
        long sent = Long.parseLong(value.substring(0, value.indexOf(' ')));
        if (i >= sizes.watchWarmupPuts()) {
          latencies.recordValue(Math.min(now - sent, MAX_NANOS));
        }
        delivered[i].countDown();
      }
      if (response.canceled()) {
        canceled.incrementAndGet();
      }
    };
    List<HttpKeyValueStore> clients = new ArrayList<>();
    List<Watch> watches = Collections.synchronizedList(new ArrayList<>());
    try (HttpKeyValueStore writer = new HttpKeyValueStore(endpoint)) {
      for (int c = 0; c < (sizes.watchers() + WATCHERS_PER_CLIENT - 1) / WATCHERS_PER_CLIENT; c++) {
        clients.add(new HttpKeyValueStore(endpoint));
      }
      openWatches(clients, listener, watches);
      for (int i = 0; i < puts; i++) {
        String sent = Long.toString(System.nanoTime());
        writer.put(PutRequest.of(key("/bench/watch/", i), value(sent + " ")));
        if (!delivered[i].await(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("put " + i + " reached only " + (sizes.watchers() - delivered[i].getCount())
              + " of " + sizes.watchers() + " watchers within " + DELIVERY_TIMEOUT_SECONDS + " s ("
              + canceled.get() + " watches were canceled)");
        }
      }
    } finally {
      watches.forEach(Watch::close);
      clients.forEach(HttpKeyValueStore::close);
    }
    String benchmark = "watch, " + count(sizes.watchers()) + " watchers on one prefix";
    return List.of(
        new Figure(benchmark, "delivery p50 (ms)", millis(latencies, 50), false),
        new Figure(benchmark, "delivery p99 (ms)", millis(latencies, 99), false));
  }

  private void openWatches(List<HttpKeyValueStore> clients, WatchListener listener, List<Watch> watches)
      throws InterruptedException {
    WatchRequest request = WatchRequest.prefix(Bytes.of("/bench/watch/"));
    ExecutorService pool = Executors.newFixedThreadPool(sizes.clients());
    try {
      List<Future<?>> opened = new ArrayList<>();
      for (int w = 0; w < sizes.watchers(); w++) {
        HttpKeyValueStore client = clients.get(w / WATCHERS_PER_CLIENT);
        opened.add(pool.submit(() -> watches.add(client.watch(request, listener))));
      }
      await(opened);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Puts {@code count} keys under {@code prefix} from {@code clients} threads sharing one client
   * (so one connection per thread); returns the nanoseconds from the first put to the last ack.
   */
  private long putConcurrently(HttpKeyValueStore store, String prefix, int count, Histogram latencies) {
    Histogram shared = new ConcurrentHistogram(MAX_NANOS, 3);
    ExecutorService pool = Executors.newFixedThreadPool(sizes.clients());
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < sizes.clients(); t++) {
        int first = t;
        done.add(pool.submit(() -> {
          go.await();
          for (int i = first; i < count; i += sizes.clients()) {
            PutRequest put = PutRequest.of(key(prefix, i), value(""));
            long t0 = System.nanoTime();
            store.put(put);
            shared.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
          }
          return null;
        }));
      }
      long start = System.nanoTime();
      go.countDown();
      await(done);
      long elapsed = System.nanoTime() - start;
      latencies.add(shared);
      return elapsed;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while putting under " + prefix);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(List<Future<?>> futures) throws InterruptedException {
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
      }
    }
  }

  private void checkRange(RangeResponse response) {
    if (response.kvs().size() != sizes.rangeKeys()) {
      throw new IllegalStateException("a range returned " + response.kvs().size() + " keys, expected " + sizes.rangeKeys());
    }
  }

  private static List<Figure> putFigures(String benchmark, int puts, long elapsedNanos, Histogram latencies) {
    return List.of(
        new Figure(benchmark, "throughput (puts/s)", puts / (elapsedNanos / 1e9), true),
        new Figure(benchmark, "p50 (ms)", millis(latencies, 50), false),
        new Figure(benchmark, "p99 (ms)", millis(latencies, 99), false));
  }

  private static Histogram histogram() {
    return new Histogram(MAX_NANOS, 3);
  }

  private static double millis(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }

  private static Bytes key(String prefix, int i) {
    return Bytes.of(String.format(Locale.ROOT, "%s%08d", prefix, i));
  }

  /** {@code head} padded with letters to {@code valueBytes} bytes. */
  private Bytes value(String head) {
    byte[] value = new byte[Math.max(sizes.valueBytes(), head.length())];
    byte[] text = head.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(text, 0, value, 0, text.length);
    for (int i = text.length; i < value.length; i++) {
      value[i] = (byte) ('a' + i % 26);
    }
    return Bytes.of(value);
  }

  /** 10000 as "10 000", as the table shows counts. */
  static String count(int n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }
}
