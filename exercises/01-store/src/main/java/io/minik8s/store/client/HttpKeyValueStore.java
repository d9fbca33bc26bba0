package io.minik8s.store.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.server.GatewayErrors;
import io.minik8s.store.server.JsonFields;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link KeyValueStore} over etcd's v3 JSON gateway: works against real etcd (3.4+) and against
 * our {@link io.minik8s.store.server.EtcdGatewayServer} alike. Every call is one POST; errors come
 * back as {@link StoreException}s with etcd's code and message (so {@link StoreException#error()}
 * is the {@link StoreError} when the message is one of etcd's), and a transport failure as code
 * 14 UNAVAILABLE. A watch is a streaming POST read on its own thread.
 */
public final class HttpKeyValueStore implements KeyValueStore {

  /** gRPC's UNAVAILABLE: the server could not be reached or broke the connection. */
  static final int UNAVAILABLE = 14;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final HttpClient http;
  private final Duration timeout;
  private final Set<HttpWatch> watches = ConcurrentHashMap.newKeySet();

  /** @param endpoint e.g. {@code http://127.0.0.1:2379} */
  public HttpKeyValueStore(String endpoint) {
    this(endpoint, Duration.ofSeconds(30));
  }

  /** @param timeout for each call, and for a watch to be created */
  public HttpKeyValueStore(String endpoint, Duration timeout) {
    this.endpoint = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    this.timeout = timeout;
    // HTTP/1.1: etcd multiplexes gRPC and the gateway on one port; no h2c upgrade dance
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
  }

  @Override
  public RangeResponse range(RangeRequest request) {
    return EtcdJsonClientCodec.decodeRange(call("/v3/kv/range", EtcdJsonClientCodec.encodeRange(request)));
  }

  @Override
  public PutResponse put(PutRequest request) {
    return EtcdJsonClientCodec.decodePut(call("/v3/kv/put", EtcdJsonClientCodec.encodePut(request)));
  }

  @Override
  public DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
    return EtcdJsonClientCodec.decodeDeleteRange(
        call("/v3/kv/deleterange", EtcdJsonClientCodec.encodeDeleteRange(request)));
  }

  @Override
  public TxnResponse txn(TxnRequest request) {
    return EtcdJsonClientCodec.decodeTxn(call("/v3/kv/txn", EtcdJsonClientCodec.encodeTxn(request)));
  }

  /**
   * Asks for a physical compaction: etcd otherwise answers before its backend has dropped the
   * compacted versions, and until it has, a watch from the compact revision may still replay a
   * delete made at it. With {@code physical} every store behaves like the embedded one, whose
   * compaction is done when it returns. (Our server ignores the field.)
   */
  @Override
  public CompactionResponse compact(long revision) {
    ObjectNode body = JsonFields.object();
    JsonFields.putInt64(body, "revision", revision);
    JsonFields.putBool(body, "physical", true);
    return new CompactionResponse(EtcdJsonClientCodec.decodeHeader(call("/v3/kv/compaction", body)));
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    HttpWatch watch = new HttpWatch(http, endpoint.resolve("/v3/watch"), body(EtcdJsonClientCodec.encodeWatchCreate(request)),
        listener, watches::remove);
    watches.add(watch);
    try {
      watch.start(timeout);
    } catch (RuntimeException e) {
      watch.close();
      throw e;
    }
    return watch;
  }

  @Override
  public Lease.GrantResponse leaseGrant(long ttlSeconds, long id) {
    return EtcdJsonClientCodec.decodeLeaseGrant(call("/v3/lease/grant", EtcdJsonClientCodec.encodeLease(id, ttlSeconds)));
  }

  @Override
  public Lease.RevokeResponse leaseRevoke(long id) {
    return new Lease.RevokeResponse(EtcdJsonClientCodec.decodeHeader(
        call("/v3/kv/lease/revoke", EtcdJsonClientCodec.encodeLease(id, 0))));
  }

  /** Keep-alive is a stream in etcd: one request, one {@code {"result":...}}; TTL 0 there means no such lease. */
  @Override
  public Lease.KeepAliveResponse leaseKeepAlive(long id) {
    JsonNode line = call("/v3/lease/keepalive", EtcdJsonClientCodec.encodeLease(id, 0));
    JsonNode error = JsonFields.field(line, "error");
    if (error != null) {
      throw new StoreException(error.path("grpc_code").asInt(GatewayErrors.UNKNOWN), error.path("message").asText());
    }
    Lease.KeepAliveResponse response = EtcdJsonClientCodec.decodeLeaseKeepAlive(JsonFields.message(line, "result"));
    if (response.ttl() <= 0) {
      throw StoreError.LEASE_NOT_FOUND.exception();
    }
    return response;
  }

  @Override
  public Lease.TimeToLiveResponse leaseTimeToLive(long id, boolean keys) {
    ObjectNode body = EtcdJsonClientCodec.encodeLease(id, 0);
    JsonFields.putBool(body, "keys", keys);
    return EtcdJsonClientCodec.decodeLeaseTimeToLive(call("/v3/kv/lease/timetolive", body));
  }

  @Override
  public StatusResponse status() {
    return EtcdJsonClientCodec.decodeStatus(call("/v3/maintenance/status", JsonFields.object()));
  }

  /** Cancels every open watch. */
  @Override
  public void close() {
    watches.forEach(HttpWatch::close);
  }

  private JsonNode call(String path, ObjectNode request) {
    HttpRequest httpRequest = HttpRequest.newBuilder(endpoint.resolve(path))
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .POST(body(request))
        .build();
    HttpResponse<byte[]> response;
    try {
      response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new StoreException(UNAVAILABLE, "cannot reach the store at " + endpoint + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException(1, "interrupted while calling " + endpoint + path);
    }
    if (response.statusCode() != 200) {
      throw error(response.statusCode(), response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new StoreException(GatewayErrors.UNKNOWN, "the store at " + endpoint + " sent malformed JSON: " + e.getMessage());
    }
  }

  static HttpRequest.BodyPublisher body(ObjectNode json) {
    try {
      return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(json));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A non-200 answer as a {@link StoreException}: the gateway's {@code {"error","message","code"}}
   * when the body is one, else the status and text (e.g. a 404 from something that is not etcd).
   */
  static StoreException error(int status, byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    try {
      JsonNode json = JSON.readTree(body);
      if (json != null && json.path("code").isInt()) {
        String message = json.hasNonNull("message") ? json.get("message").asText() : json.path("error").asText();
        return new StoreException(json.get("code").asInt(), message);
      }
    } catch (IOException notJson) {
      // fall through: report the raw answer
    }
    return new StoreException(GatewayErrors.UNKNOWN, "HTTP " + status + ": " + text.strip());
  }
}
