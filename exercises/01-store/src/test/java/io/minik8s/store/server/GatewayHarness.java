package io.minik8s.store.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Our gateway on a free port over a {@link FakeKeyValueStore}, and raw HTTP calls to it. */
final class GatewayHarness implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final FakeKeyValueStore store = new FakeKeyValueStore();
  final EtcdGatewayServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  GatewayHarness() {
    this(EtcdGatewayServer.DEFAULT_MAX_REQUEST_BYTES);
  }

  GatewayHarness(int maxRequestBytes) {
    try {
      server = EtcdGatewayServer.start(store, 0, maxRequestBytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Reply(int status, String body, String contentType) {
    JsonNode json() {
      return GatewayHarness.json(body);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  Reply post(String path, String body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.endpoint() + path)).timeout(Duration.ofSeconds(10));
  }

  /** An open watch stream: the HTTP status and a reader of its lines. */
  record Stream(int status, BufferedReader lines, InputStream body) implements AutoCloseable {
    String nextLine() {
      try {
        return lines.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      body.close();
    }
  }

  /** POSTs to a streaming endpoint; returns once the response headers arrived. */
  Stream openStream(String path, String body) {
    try {
      HttpResponse<InputStream> r = http.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      return new Stream(r.statusCode(), new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8)), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The n-th watch the gateway opened on the store (0-based), once it exists. */
  FakeKeyValueStore.FakeWatch awaitWatch(int n) {
    await("watch #" + n + " on the store").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(2))
        .until(() -> store.watches.size() > n);
    return store.watches.get(n);
  }

  @Override
  public void close() {
    server.stop();
  }
}
