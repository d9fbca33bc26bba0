package io.minik8s.store.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestChecks;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Serves a {@link KeyValueStore} over etcd 3.4's JSON gateway on 127.0.0.1, so etcd's own tools
 * ({@code curl}, {@code etcdctl}'s JSON, client libraries using the gateway) and our
 * {@link io.minik8s.store.client.HttpKeyValueStore} talk to it as to etcd:
 *
 * <table>
 *   <caption>Endpoints (each also under {@code /v3beta/}, as in etcd 3.4)</caption>
 *   <tr><td>{@code POST /v3/kv/range, /put, /deleterange, /txn, /compaction}</td><td>KV</td></tr>
 *   <tr><td>{@code POST /v3/watch}</td><td>a stream of {@code {"result":...}} lines</td></tr>
 *   <tr><td>{@code POST /v3/lease/grant}, {@code /v3/kv/lease/revoke} (alias {@code /v3/lease/revoke}),
 *       {@code /v3/lease/keepalive} (a one-message stream), {@code /v3/kv/lease/timetolive}
 *       (alias {@code /v3/lease/timetolive})</td><td>Lease</td></tr>
 *   <tr><td>{@code POST /v3/maintenance/status}</td><td>Maintenance</td></tr>
 *   <tr><td>{@code POST /v3/maintenance/snapshot} (when {@link #serveSnapshots} was called)</td>
 *       <td>a stream of snapshot chunks</td></tr>
 * </table>
 *
 * <p>Errors are {@code {"error":..,"message":..,"code":..}} with grpc-gateway's status
 * ({@link GatewayErrors}); malformed JSON is a 400 with Go's message, as from etcd. Three
 * deliberate differences: bad JSON on {@code /v3/watch} is a 400 (etcd answers 500 there), a
 * body over the size limit is a 400 {@code etcdserver: request is too large}, and a field the
 * request message does not have is a 400 ({@link RequestSchema}; etcd 3.4 ignores it).
 */
public final class EtcdGatewayServer implements AutoCloseable {

  /**
   * The largest request body accepted. etcd's default {@code --max-request-bytes} is 1.5 MiB of
   * protobuf; base64 and JSON make the same request about a third larger.
   */
  public static final int DEFAULT_MAX_REQUEST_BYTES = 2 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(EtcdGatewayServer.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger THREADS = new AtomicInteger();

  static {
    // The JDK's HTTP server leaves Nagle's algorithm on and writes a response's headers and body
    // in two writes, so the body waits for the client to ACK the headers, which it delays by up to
    // 40 ms on Linux: every request took ~45 ms (./course bench store). The JDK reads this property
    // once, when the first HttpServer of the JVM is created; an explicit setting wins.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final KeyValueStore store;
  private final int maxRequestBytes;
  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, Function<JsonNode, ObjectNode>> unary;
  /** Writes a snapshot of the store to a file, for {@code /v3/maintenance/snapshot}; null: not served. */
  private volatile SnapshotSource snapshots;
  /** Open watch streams, ended on stop. */
  private final Set<WatchStream> streams = ConcurrentHashMap.newKeySet();

  private EtcdGatewayServer(KeyValueStore store, int port, int maxRequestBytes) throws IOException {
    this.store = store;
    this.maxRequestBytes = maxRequestBytes;
    this.unary = unaryHandlers();
    this.http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    // watch streams hold their handler thread for their whole life: an unbounded pool
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "etcd-gateway-" + THREADS.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    http.setExecutor(executor);
    http.createContext("/", this::handle);
  }

  /** Starts serving {@code store} on 127.0.0.1:{@code port}; port 0 picks a free one (see {@link #port()}). */
  public static EtcdGatewayServer start(KeyValueStore store, int port) throws IOException {
    return start(store, port, DEFAULT_MAX_REQUEST_BYTES);
  }

  public static EtcdGatewayServer start(KeyValueStore store, int port, int maxRequestBytes) throws IOException {
    EtcdGatewayServer server = new EtcdGatewayServer(store, port, maxRequestBytes);
    server.http.start();
    return server;
  }

  /**
   * Writes the store's snapshot into a file; what {@code etcdctl snapshot save} downloads. The
   * {@link KeyValueStore} contract has no such call, so the process that owns the store hands one in.
   */
  @FunctionalInterface
  public interface SnapshotSource {
    void writeTo(Path file) throws IOException;
  }

  /**
   * Serves {@code POST /v3/maintenance/snapshot}: a stream of {@code {"result":{"blob":..,
   * "remaining_bytes":..}}} lines, as etcd sends, whose blobs concatenated are the snapshot file.
   * (etcd's blob is its bbolt database; ours is the store's own snapshot format.)
   */
  public EtcdGatewayServer serveSnapshots(SnapshotSource source) {
    this.snapshots = source;
    return this;
  }

  /** The port bound. */
  public int port() {
    return http.getAddress().getPort();
  }

  /** {@code http://127.0.0.1:PORT}, what a client is given. */
  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Ends every watch stream and stops serving; the store is left open (it is the caller's). */
  public void stop() {
    streams.forEach(WatchStream::end);
    http.stop(0);
    executor.shutdownNow();
  }

  @Override
  public void close() {
    stop();
  }

  private Map<String, Function<JsonNode, ObjectNode>> unaryHandlers() {
    return Map.ofEntries(
        Map.entry("kv/range", this::range),
        Map.entry("kv/put", this::put),
        Map.entry("kv/deleterange", this::deleteRange),
        Map.entry("kv/txn", json -> EtcdJsonCodec.encodeTxn(store.txn(checked(EtcdJsonCodec.decodeTxn(json))))),
        Map.entry("kv/compaction", json ->
            EtcdJsonCodec.encodeCompaction(store.compact(JsonFields.int64(json, "revision")).header())),
        Map.entry("lease/grant", json -> EtcdJsonCodec.encodeLeaseGrant(
            store.leaseGrant(JsonFields.int64(json, "TTL"), JsonFields.int64(json, "ID")))),
        Map.entry("lease/revoke", this::leaseRevoke),
        Map.entry("kv/lease/revoke", this::leaseRevoke),
        Map.entry("lease/timetolive", this::leaseTimeToLive),
        Map.entry("kv/lease/timetolive", this::leaseTimeToLive),
        Map.entry("maintenance/status", json -> EtcdJsonCodec.encodeStatus(store.status())));
  }

  /** etcd's v3rpc checks a transaction before any store sees it (etcdserver/api/v3rpc/key.go). */
  private static TxnRequest checked(TxnRequest txn) {
    RequestChecks.check(txn);
    return txn;
  }

  private ObjectNode range(JsonNode json) {
    RangeRequest request = EtcdJsonCodec.decodeRange(json);
    RequestChecks.requireKey(request.key());
    return EtcdJsonCodec.encodeRange(store.range(request));
  }

  private ObjectNode put(JsonNode json) {
    PutRequest request = EtcdJsonCodec.decodePut(json);
    RequestChecks.requireKey(request.key());
    return EtcdJsonCodec.encodePut(store.put(request));
  }

  private ObjectNode deleteRange(JsonNode json) {
    DeleteRangeRequest request = EtcdJsonCodec.decodeDeleteRange(json);
    RequestChecks.requireKey(request.key());
    return EtcdJsonCodec.encodeDeleteRange(store.deleteRange(request));
  }

  private ObjectNode leaseRevoke(JsonNode json) {
    return EtcdJsonCodec.encodeLeaseRevoke(store.leaseRevoke(JsonFields.int64(json, "ID")));
  }

  private ObjectNode leaseTimeToLive(JsonNode json) {
    return EtcdJsonCodec.encodeLeaseTimeToLive(
        store.leaseTimeToLive(JsonFields.int64(json, "ID"), JsonFields.bool(json, "keys")));
  }

  private void handle(HttpExchange exchange) {
    try {
      String method = route(exchange.getRequestURI().getPath());
      boolean streaming = method != null
          && (method.equals("watch") || method.equals("lease/keepalive")
              || (method.equals("maintenance/snapshot") && snapshots != null));
      if (method == null || !(unary.containsKey(method) || streaming)) {
        sendText(exchange, 404, "Not Found\n");
        return;
      }
      if (!exchange.getRequestMethod().equals("POST")) {
        sendText(exchange, 405, "Method Not Allowed\n");
        return;
      }
      try {
        JsonNode request = parse(readBody(exchange.getRequestBody()));
        RequestSchema.check(method, request);
        switch (method) {
          case "watch" -> serveWatch(exchange, request);
          case "lease/keepalive" -> serveKeepAlive(exchange, request);
          case "maintenance/snapshot" -> serveSnapshot(exchange);
          default -> sendJson(exchange, 200, unary.get(method).apply(request));
        }
      } catch (StoreException e) {
        sendJson(exchange, GatewayErrors.httpStatus(e.grpcCode()), GatewayErrors.body(e));
      } catch (RuntimeException e) {
        // a bug in the store or here, not the client's fault: etcd's "Unknown" error
        LOG.log(Level.WARNING, "request to " + exchange.getRequestURI() + " failed", e);
        StoreException unknown = new StoreException(GatewayErrors.UNKNOWN, String.valueOf(e.getMessage()));
        sendJson(exchange, GatewayErrors.httpStatus(unknown.grpcCode()), GatewayErrors.body(unknown));
      }
    } catch (IOException clientGone) {
      // nothing to answer to
    } catch (RuntimeException e) {
      // even the error answer failed (e.g. an unfinished error mapping): say so in plain text
      try {
        sendText(exchange, 500, e + "\n");
      } catch (IOException | RuntimeException ignored) {
        // headers were already sent; closing is all that is left
      }
    } finally {
      exchange.close();
    }
  }

  /** {@code /v3/kv/range} → {@code kv/range}; null for a path outside the API. */
  static String route(String path) {
    for (String prefix : new String[] {"/v3/", "/v3beta/"}) {
      if (path.startsWith(prefix)) {
        return path.substring(prefix.length());
      }
    }
    return null;
  }

  private byte[] readBody(InputStream in) throws IOException {
    byte[] body = in.readNBytes(maxRequestBytes + 1);
    if (body.length > maxRequestBytes) {
      throw StoreError.REQUEST_TOO_LARGE.exception();
    }
    return body;
  }

  /** The request message: the body's first JSON value, which must be an object; empty = {}. */
  static JsonNode parse(byte[] body) {
    int end = GoJsonSyntax.checkFirstValue(body);
    if (end < 0) {
      return JsonFields.object();
    }
    JsonNode json;
    try {
      json = JSON.readTree(new String(body, 0, end, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw GoJsonSyntax.invalid(e.getOriginalMessage());
    }
    if (json.isNull()) {
      return JsonFields.object();
    }
    JsonFields.requireObject(json);
    return json;
  }

  private void serveWatch(HttpExchange exchange, JsonNode request) throws IOException {
    JsonNode create = JsonFields.field(request, "create_request");
    if (create == null) {
      throw GoJsonSyntax.invalid("minik8s store: a watch stream must start with a create_request");
    }
    JsonFields.requireObject(create);
    WatchStream stream = new WatchStream(exchange, EtcdJsonCodec.decodeWatchFilters(create));
    var watchRequest = EtcdJsonCodec.decodeWatchCreate(create);
    streams.add(stream);
    try {
      stream.serve(store, watchRequest);
    } finally {
      streams.remove(stream);
    }
  }

  /**
   * Keep-alive is a stream in etcd; a POST carries one request and gets one
   * {@code {"result":...}} line. A missing lease is not an error on this stream: etcd answers
   * with no TTL (clients read TTL 0 as "lease not found").
   */
  private void serveKeepAlive(HttpExchange exchange, JsonNode request) throws IOException {
    long id = JsonFields.int64(request, "ID");
    ObjectNode result;
    try {
      result = EtcdJsonCodec.encodeLeaseKeepAlive(store.leaseKeepAlive(id));
    } catch (StoreException e) {
      if (e.error() != StoreError.LEASE_NOT_FOUND) {
        throw e;
      }
      result = EtcdJsonCodec.encodeLeaseKeepAlive(new Lease.KeepAliveResponse(store.status().header(), id, 0));
    }
    ObjectNode line = JsonFields.object();
    line.set("result", result);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(JSON.writeValueAsBytes(line));
      out.write('\n');
    }
  }

  private void serveSnapshot(HttpExchange exchange) throws IOException {
    Path file = Files.createTempFile("minik8s-snapshot-", ".snap");
    try {
      snapshots.writeTo(file);
      long remaining = Files.size(file);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, 0);
      try (InputStream in = Files.newInputStream(file);
          OutputStream out = exchange.getResponseBody()) {
        byte[] chunk = new byte[32 * 1024];
        for (int n; (n = in.readNBytes(chunk, 0, chunk.length)) > 0; ) {
          remaining -= n;
          ObjectNode result = JsonFields.object();
          result.put("remaining_bytes", Long.toString(remaining));
          result.put("blob", Base64.getEncoder().encodeToString(Arrays.copyOf(chunk, n)));
          ObjectNode line = JsonFields.object();
          line.set("result", result);
          out.write(JSON.writeValueAsBytes(line));
          out.write('\n');
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void sendJson(HttpExchange exchange, int status, ObjectNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static void sendText(HttpExchange exchange, int status, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
