package io.minik8s.apiserver.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain HTTP client of the API server (JDK HttpClient, HTTP/1.1, a bearer token): what the
 * suites use where a real client would hide the wire (exact status codes, raw bodies, watch
 * lines).
 */
final class RestClient {

  static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final String token;
  private final HttpClient http;

  RestClient(URI server, String token) {
    this.server = server;
    this.token = token;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** One answer: its status code, Content-Type and body. */
  record Response(int code, String contentType, String body) {

    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("expected a JSON body, got (HTTP " + code + "): " + body, e);
      }
    }
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response post(String path, String json) {
    return send("POST", path, "application/json", json);
  }

  Response delete(String path) {
    return send("DELETE", path, null, null);
  }

  Response send(String method, String path, String contentType, String body) {
    HttpRequest request = request(method, URI.create(server + path), contentType,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    return send(request);
  }

  HttpRequest request(String method, URI uri, String contentType, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .method(method, body);
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    return b.build();
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  /** Creates {@code object} in the collection at {@code path}; fails the test unless 201. */
  JsonNode create(String path, String object) {
    Response r = post(path, object);
    if (r.code() != 201) {
      throw new AssertionError("POST " + path + " answered " + r.code() + " instead of 201 Created: " + r.body());
    }
    return r.json();
  }

  /**
   * Opens the watch at {@code path} (with {@code watch=true} and a {@code resourceVersion} in its
   * query, so no event is missed while the watch is being set up) and collects every event line
   * as JSON, on a thread of its own, until closed.
   */
  Watching watch(String path) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(server + path))
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET().build();
    Watching watching = new Watching(new CopyOnWriteArrayList<>());
    http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()).thenAccept(r -> {
      watching.stream = r.body();
      watching.status = r.statusCode();
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
        for (String line; (line = lines.readLine()) != null; ) {
          if (!line.isBlank()) {
            watching.events().add(JSON.readTree(line));
          }
        }
      } catch (IOException ignored) {
        // closed
      }
    });
    return watching;
  }

  /** A watch in progress: the events received so far ({@code {"type":..., "object":...}}). */
  static final class Watching implements AutoCloseable {
    private final List<JsonNode> events;
    private volatile java.io.InputStream stream;
    private volatile int status;

    Watching(List<JsonNode> events) {
      this.events = events;
    }

    List<JsonNode> events() {
      return events;
    }

    /** The watch's HTTP status once its headers arrived, else 0. */
    int status() {
      return status;
    }

    /** "ADDED pod-1" for each event but bookmarks, to compare and print. */
    List<String> summary() {
      return events.stream()
          .filter(e -> !e.path("type").asText().equals("BOOKMARK"))
          .map(e -> e.path("type").asText() + " " + e.path("object").path("metadata").path("name").asText())
          .toList();
    }

    @Override
    public void close() {
      try {
        if (stream != null) {
          stream.close();
        }
      } catch (IOException ignored) {
        // already closed
      }
    }
  }

  /** A minimal pod (one container) as JSON. */
  static String pod(String namespace, String name, String labelsJson) {
    return """
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"%s","labels":%s},
         "spec":{"containers":[{"name":"app","image":"nginx:1.27"}]}}""".formatted(name, namespace, labelsJson);
  }

  static ObjectNode object(String json) {
    try {
      return (ObjectNode) JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
