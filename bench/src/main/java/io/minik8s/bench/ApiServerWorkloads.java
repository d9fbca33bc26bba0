package io.minik8s.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The API server benchmarks, over HTTP/1.1 on loopback with the JDK client, as any client sees
 * the server: JSON in, JSON out, a bearer token. Each benchmark works in a namespace of its own;
 * latencies go into HdrHistograms (nanoseconds, 3 significant digits) and are reported in ms.
 */
final class ApiServerWorkloads {

  private static final long MAX_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Watchers per HTTP client: each watch holds a connection; spread them over a few clients. */
  private static final int WATCHERS_PER_CLIENT = 100;

  private static final long DELIVERY_TIMEOUT_SECONDS = 30;

  private static final Pattern CONTINUE = Pattern.compile("\"continue\"\\s*:\\s*\"([^\"]*)\"");
  private static final Pattern RESOURCE_VERSION = Pattern.compile("\"resourceVersion\"\\s*:\\s*\"([0-9]+)\"");

  private final String endpoint;
  private final String token;
  private final ApiSizes sizes;
  private final HttpClient http = newClient();

  ApiServerWorkloads(String endpoint, String token, ApiSizes sizes) {
    this.endpoint = endpoint;
    this.token = token;
    this.sizes = sizes;
  }

  /** Creates and lists for {@link ApiSizes#warmupSeconds()} in a namespace of its own; measures nothing. */
  void warmUp() throws Exception {
    createNamespace("bench-warmup");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(sizes.warmupSeconds());
    int round = 0;
    do {
      createPods("bench-warmup", "w" + round++ + "-", 50 * sizes.clients(), histogram());
      check(send("GET", "/api/v1/namespaces/bench-warmup/pods?limit=" + sizes.pageSize(), null, null), 200);
    } while (System.nanoTime() < deadline);
  }

  /** {@link ApiSizes#clients()} threads create pods as fast as they can: throughput and latency of a create. */
  List<Figure> creates() throws Exception {
    createNamespace("bench-create");
    Histogram latencies = histogram();
    long start = System.nanoTime();
    createPods("bench-create", "c-", sizes.creates(), latencies);
    long elapsed = System.nanoTime() - start;
    String benchmark = "create pod, " + sizes.clients() + " clients";
    return List.of(
        new Figure(benchmark, "throughput (creates/s)", sizes.creates() / (elapsed / 1e9), true),
        new Figure(benchmark, "p50 (ms)", millis(latencies, 50), false),
        new Figure(benchmark, "p99 (ms)", millis(latencies, 99), false));
  }

  /** LIST of {@link ApiSizes#listPods()} pods: all at once, then page by page. */
  List<Figure> lists() throws Exception {
    createNamespace("bench-list");
    createPods("bench-list", "l-", sizes.listPods(), histogram());
    String path = "/api/v1/namespaces/bench-list/pods";
    Histogram full = histogram();
    Histogram walk = histogram();
    Histogram page = histogram();
    long bytes = 0;
    for (int i = 0; i < sizes.listRepeats(); i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> all = check(send("GET", path, null, null), 200);
      full.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
      bytes = all.body().length();
      int items = countItems(all.body());
      if (items != sizes.listPods()) {
        throw new IllegalStateException("LIST returned " + items + " pods, expected " + sizes.listPods());
      }

      long w0 = System.nanoTime();
      String next = "";
      int pages = 0;
      do {
        long p0 = System.nanoTime();
        HttpResponse<String> r = check(send("GET", path + "?limit=" + sizes.pageSize()
            + (next.isEmpty() ? "" : "&continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8)), null, null), 200);
        page.recordValue(Math.min(System.nanoTime() - p0, MAX_NANOS));
        Matcher m = CONTINUE.matcher(r.body());
        next = m.find() ? m.group(1) : "";
        if (++pages > sizes.listPods() / sizes.pageSize() + 2) {
          throw new IllegalStateException("pagination did not end after " + pages + " pages");
        }
      } while (!next.isEmpty());
      walk.recordValue(Math.min(System.nanoTime() - w0, MAX_NANOS));
    }
    String n = StoreWorkloads.count(sizes.listPods());
    System.out.printf("   (one full LIST is %,d bytes of JSON)%n", bytes);
    return List.of(
        new Figure("LIST " + n + " pods", "p50 (ms)", millis(full, 50), false),
        new Figure("LIST " + n + " pods", "p99 (ms)", millis(full, 99), false),
        new Figure("LIST " + n + " pods by " + sizes.pageSize(), "p99 of one page (ms)", millis(page, 99), false),
        new Figure("LIST " + n + " pods by " + sizes.pageSize(), "p99 of all pages (ms)", millis(walk, 99), false));
  }

  /**
   * {@link ApiSizes#watchers()} watchers of one namespace's ConfigMaps; one ConfigMap is updated,
   * and each update is sent once the last one reached every watcher. Latency: from before the
   * update's request to each watcher's receipt of its event.
   */
  List<Figure> watch() throws Exception {
    createNamespace("bench-watch");
    String configMaps = "/api/v1/namespaces/bench-watch/configmaps";
    HttpResponse<String> created = check(send("POST", configMaps,
        "application/json", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"watched\"},\"data\":{\"seq\":\"u-0\"}}"), 201);
    Matcher rv = RESOURCE_VERSION.matcher(created.body());
    if (!rv.find()) {
      throw new IllegalStateException("no resourceVersion in " + created.body());
    }
    Histogram latencies = histogram();
    AtomicLong sentAt = new AtomicLong();
    AtomicReference<String> expected = new AtomicReference<>("");
    AtomicReference<CountDownLatch> delivered = new AtomicReference<>(new CountDownLatch(0));
    AtomicInteger measuring = new AtomicInteger();
    List<InputStream> streams = new ArrayList<>();
    List<HttpClient> clients = new ArrayList<>();
    ExecutorService readers = Executors.newFixedThreadPool(sizes.watchers());
    try {
      for (int w = 0; w < sizes.watchers(); w++) {
        if (w % WATCHERS_PER_CLIENT == 0) {
          clients.add(newClient());
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + configMaps + "?watch=true&resourceVersion=" + rv.group(1)))
            .header("Authorization", "Bearer " + token).GET().build();
        HttpResponse<InputStream> r = clients.get(clients.size() - 1).send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (r.statusCode() != 200) {
          throw new IllegalStateException("watch " + w + " answered " + r.statusCode());
        }
        streams.add(r.body());
        readers.submit(() -> {
          try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
              String marker = expected.get();
              if (!marker.isEmpty() && line.contains(marker)) {
                if (measuring.get() == 1) {
                  latencies.recordValue(Math.min(System.nanoTime() - sentAt.get(), MAX_NANOS));
                }
                delivered.get().countDown();
              }
            }
          } catch (IOException closed) {
            // the benchmark is over
          }
          return null;
        });
      }
      int total = sizes.watchWarmupUpdates() + sizes.watchUpdates();
      for (int u = 1; u <= total; u++) {
        measuring.set(u > sizes.watchWarmupUpdates() ? 1 : 0);
        String marker = "\"u-" + u + "\"";
        CountDownLatch latch = new CountDownLatch(sizes.watchers());
        delivered.set(latch);
        expected.set(marker);
        sentAt.set(System.nanoTime());
        check(send("PATCH", configMaps + "/watched", "application/merge-patch+json",
            "{\"data\":{\"seq\":" + marker + "}}"), 200);
        if (!latch.await(DELIVERY_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          throw new IllegalStateException("update " + u + " reached only " + (sizes.watchers() - latch.getCount()) + " of "
              + sizes.watchers() + " watchers within " + DELIVERY_TIMEOUT_SECONDS + " s");
        }
      }
    } finally {
      for (InputStream s : streams) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closed already
        }
      }
      readers.shutdownNow();
    }
    String benchmark = "watch, " + sizes.watchers() + " watchers of one object";
    return List.of(
        new Figure(benchmark, "delivery p50 (ms)", millis(latencies, 50), false),
        new Figure(benchmark, "delivery p99 (ms)", millis(latencies, 99), false));
  }

  // ---- helpers

  private void createPods(String namespace, String prefix, int count, Histogram latencies) throws Exception {
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(sizes.clients());
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int c = 0; c < sizes.clients(); c++) {
        workers.add(pool.submit(() -> {
          for (int i; (i = next.getAndIncrement()) < count; ) {
            String body = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"" + prefix + i
                + "\",\"labels\":{\"app\":\"bench\",\"shard\":\"s" + (i % 10) + "\"}},"
                + "\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"nginx:1.27\",\"ports\":[{\"containerPort\":80}]}]}}";
            long t0 = System.nanoTime();
            check(send("POST", "/api/v1/namespaces/" + namespace + "/pods", "application/json", body), 201);
            latencies.recordValue(Math.min(System.nanoTime() - t0, MAX_NANOS));
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        try {
          w.get();
        } catch (ExecutionException e) {
          throw e.getCause() instanceof Exception cause ? cause : e;
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void createNamespace(String name) throws IOException, InterruptedException {
    HttpResponse<String> r = send("POST", "/api/v1/namespaces", "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}");
    if (r.statusCode() != 201 && r.statusCode() != 409) {
      throw new IllegalStateException("creating namespace " + name + " answered " + r.statusCode() + ": " + r.body());
    }
    // pods need their namespace's default ServiceAccount (module 04's controller makes it)
    HttpResponse<String> account = send("POST", "/api/v1/namespaces/" + name + "/serviceaccounts",
        "application/json",
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"default\"}}");
    if (account.statusCode() != 201 && account.statusCode() != 409) {
      throw new IllegalStateException("creating the default ServiceAccount of " + name
          + " answered " + account.statusCode() + ": " + account.body());
    }
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> check(HttpResponse<String> r, int expected) {
    if (r.statusCode() != expected) {
      String body = r.body();
      throw new IllegalStateException(r.request().method() + " " + r.request().uri() + " answered " + r.statusCode()
          + " instead of " + expected + ": " + (body.length() > 500 ? body.substring(0, 500) + "..." : body));
    }
    return r;
  }

  /** Pods in a list body, counted without parsing it: each of ours has one "containers" field. */
  private static int countItems(String list) {
    int n = 0;
    for (int i = list.indexOf("\"containers\""); i >= 0; i = list.indexOf("\"containers\"", i + 1)) {
      n++;
    }
    return n;
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static Histogram histogram() {
    return new ConcurrentHistogram(MAX_NANOS, 3);
  }

  private static double millis(Histogram h, double percentile) {
    return h.getValueAtPercentile(percentile) / 1e6;
  }
}
