package io.minik8s.store.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchResponse;
import io.minik8s.store.server.GatewayErrors;
import io.minik8s.store.server.JsonFields;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One watch as a streaming {@code POST /v3/watch}: a reader thread parses the stream of
 * {@code {"result":...}} values and hands each response to the listener, in order. {@link #close}
 * closes the stream, which is how a gateway client cancels a watch (the server sees the
 * connection go), and returns only when no response can be delivered any more.
 *
 * <p>If the stream breaks or carries an error, the listener gets a final canceled response
 * saying why, as when the store itself cancels a watch.
 */
final class HttpWatch implements Watch {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI uri;
  private final HttpRequest.BodyPublisher body;
  private final WatchListener listener;
  private final Consumer<HttpWatch> onClose;
  /** Completed with the first response (created, or a failure to create). */
  private final CompletableFuture<WatchResponse> first = new CompletableFuture<>();
  /** Guards delivery against close: after close returns, {@code closed} is seen by every delivery. */
  private final Object lock = new Object();
  private volatile boolean closed;
  private volatile InputStream stream;
  private volatile Thread reader;
  private volatile long id;

  HttpWatch(HttpClient http, URI uri, HttpRequest.BodyPublisher body, WatchListener listener, Consumer<HttpWatch> onClose) {
    this.http = http;
    this.uri = uri;
    this.body = body;
    this.listener = listener;
    this.onClose = onClose;
  }

  /** Opens the stream and waits for the created response (delivered to the listener too). */
  void start(Duration timeout) {
    HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json").POST(body).build();
    CompletableFuture<HttpResponse<InputStream>> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
    Thread t = new Thread(() -> read(response), "etcd-watch-" + uri.getPort());
    t.setDaemon(true);
    reader = t;
    t.start();
    WatchResponse created;
    try {
      created = first.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(1, "interrupted while creating a watch at " + uri);
    } catch (TimeoutException e) {
      throw new StoreException(4, "no answer to a watch request at " + uri + " within " + timeout);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof StoreException se ? se : new StoreException(GatewayErrors.UNKNOWN, e.getCause().toString());
    }
    id = created.watchId();
  }

  private void read(CompletableFuture<HttpResponse<InputStream>> pending) {
    try {
      HttpResponse<InputStream> response = pending.join();
      stream = response.body();
      if (closed) {
        stream.close();
        return;
      }
      if (response.statusCode() != 200) {
        first.completeExceptionally(HttpKeyValueStore.error(response.statusCode(), stream.readAllBytes()));
        return;
      }
      try (MappingIterator<JsonNode> values = JSON.readerFor(JsonNode.class).readValues(stream)) {
        while (values.hasNextValue()) {
          JsonNode value = values.nextValue();
          JsonNode error = JsonFields.field(value, "error");
          if (error != null) {
            fail(new StoreException(error.path("grpc_code").asInt(GatewayErrors.UNKNOWN), error.path("message").asText()));
            return;
          }
          WatchResponse r = EtcdJsonClientCodec.decodeWatchResponse(JsonFields.message(value, "result"));
          first.complete(r);
          deliver(r);
          if (r.canceled()) {
            return;
          }
        }
      }
      fail(new StoreException(HttpKeyValueStore.UNAVAILABLE, "the watch stream from " + uri + " ended"));
    } catch (IOException | RuntimeException e) {
      Throwable cause = e.getCause() != null && !(e instanceof StoreException) ? e.getCause() : e;
      fail(cause instanceof StoreException se ? se
          : new StoreException(HttpKeyValueStore.UNAVAILABLE, "the watch stream from " + uri + " broke: " + cause));
    }
  }

  /** Before creation: the watch call fails. After: the listener's last response is a cancel with the reason. */
  private void fail(StoreException e) {
    if (first.completeExceptionally(e)) {
      return;
    }
    deliver(new WatchResponse(new ResponseHeader(0, 0, 0, 0), id, false, true, 0, e.getMessage(), List.of()));
  }

  private void deliver(WatchResponse response) {
    synchronized (lock) {
      if (!closed) {
        listener.onResponse(response);
      }
    }
  }

  @Override
  public long id() {
    return id;
  }

  @Override
  public void close() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    onClose.accept(this);
    first.completeExceptionally(new StoreException(1, "the watch was closed"));
    InputStream s = stream;
    if (s != null) {
      try {
        s.close(); // aborts the HTTP exchange: the server sees the client go
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    Thread t = reader;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt();
    }
  }
}
