package io.minik8s.client.errors;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A tiny HTTP server answering every request with one canned answer (code, content type, body),
 * recording what it was asked: for failures a real API server does not produce on demand.
 */
public final class StubServer implements AutoCloseable {

  /** What the client sent: method, path with query, and its headers of interest. */
  public record Request(String method, String uri, String authorization, String accept,
      String userAgent, String contentType, String body) {}

  private final HttpServer http;
  private volatile int code = 200;
  private volatile String contentType = "application/json";
  private volatile String body = "{}";
  public final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubServer() {
    try {
      http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/", exchange -> {
      String sent = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          exchange.getRequestHeaders().getFirst("Accept"),
          exchange.getRequestHeaders().getFirst("User-Agent"),
          exchange.getRequestHeaders().getFirst("Content-Type"), sent));
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", contentType);
      exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    http.start();
  }

  /** Answers every later request with this. */
  public StubServer answer(int code, String contentType, String body) {
    this.code = code;
    this.contentType = contentType;
    this.body = body;
    return this;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
