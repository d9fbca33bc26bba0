package io.minik8s.controllers.manager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A manager's health endpoint on 127.0.0.1: {@code /healthz} answers {@code ok} while the process
 * runs, {@code /readyz} answers 200 once the caches synced (503 before; a standby is never
 * ready), {@code /leaderz} answers {@code leader} or {@code standby}. Upstream serves
 * {@code /healthz} on {@code --secure-port} 10257 (10258 for the cloud manager).
 */
final class HealthServer implements AutoCloseable {

  private final HttpServer server;

  HealthServer(int port, BooleanSupplier ready, Supplier<String> leadership) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
    }
    server.createContext("/healthz", ex -> answer(ex, 200, "ok"));
    server.createContext("/readyz", ex -> {
      boolean ok = ready.getAsBoolean();
      answer(ex, ok ? 200 : 503, ok ? "ok" : "caches not synced");
    });
    server.createContext("/leaderz", ex -> answer(ex, 200, leadership.get()));
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  private static void answer(HttpExchange exchange, int code, String body) throws IOException {
    byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
