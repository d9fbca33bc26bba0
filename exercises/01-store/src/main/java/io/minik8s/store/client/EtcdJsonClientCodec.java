package io.minik8s.store.client;

import static io.minik8s.store.server.JsonFields.bool;
import static io.minik8s.store.server.JsonFields.bytes;
import static io.minik8s.store.server.JsonFields.field;
import static io.minik8s.store.server.JsonFields.int64;
import static io.minik8s.store.server.JsonFields.message;
import static io.minik8s.store.server.JsonFields.object;
import static io.minik8s.store.server.JsonFields.putBool;
import static io.minik8s.store.server.JsonFields.putBytes;
import static io.minik8s.store.server.JsonFields.putInt64;
import static io.minik8s.store.server.JsonFields.repeated;
import static io.minik8s.store.server.JsonFields.uint64;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of etcd's JSON gateway: our requests to the JSON etcd reads, etcd's response
 * JSON back to records. The mirror of {@link io.minik8s.store.server.EtcdJsonCodec}; requests
 * use proto field names, which both etcd and our server accept.
 */
public final class EtcdJsonClientCodec {

  private EtcdJsonClientCodec() {}

  // ---- requests --------------------------------------------------------------------------------

  public static ObjectNode encodeRange(RangeRequest r) {
    ObjectNode json = object();
    putBytes(json, "key", r.key());
    putBytes(json, "range_end", r.rangeEnd());
    putInt64(json, "limit", r.limit());
    putInt64(json, "revision", r.revision());
    putBool(json, "keys_only", r.keysOnly());
    putBool(json, "count_only", r.countOnly());
    return json;
  }

  public static ObjectNode encodePut(PutRequest r) {
    ObjectNode json = object();
    putBytes(json, "key", r.key());
    putBytes(json, "value", r.value());
    putInt64(json, "lease", r.lease());
    putBool(json, "prev_kv", r.prevKv());
    return json;
  }

  public static ObjectNode encodeDeleteRange(DeleteRangeRequest r) {
    ObjectNode json = object();
    putBytes(json, "key", r.key());
    putBytes(json, "range_end", r.rangeEnd());
    putBool(json, "prev_kv", r.prevKv());
    return json;
  }

  public static ObjectNode encodeTxn(TxnRequest r) {
    ObjectNode json = object();
    if (!r.compare().isEmpty()) {
      ArrayNode compares = json.putArray("compare");
      r.compare().forEach(c -> compares.add(encodeCompare(c)));
    }
    encodeOps(json, "success", r.success());
    encodeOps(json, "failure", r.failure());
    return json;
  }

  /** Target and result by name; the operand always written, even 0, so the oneof is set. */
  static ObjectNode encodeCompare(Compare c) {
    ObjectNode json = object();
    json.put("result", c.result().name());
    json.put("target", c.target().name());
    putBytes(json, "key", c.key());
    putBytes(json, "range_end", c.rangeEnd());
    switch (c.target()) {
      case VERSION -> json.put("version", c.operand().toString());
      case CREATE -> json.put("create_revision", c.operand().toString());
      case MOD -> json.put("mod_revision", c.operand().toString());
      case LEASE -> json.put("lease", c.operand().toString());
      case VALUE -> json.put("value", ((Bytes) c.operand()).toBase64());
    }
    return json;
  }

  private static void encodeOps(ObjectNode txn, String branch, List<RequestOp> ops) {
    if (ops.isEmpty()) {
      return;
    }
    ArrayNode array = txn.putArray(branch);
    for (RequestOp op : ops) {
      ObjectNode entry = array.addObject();
      if (op instanceof RequestOp.Range r) {
        entry.set("request_range", encodeRange(r.request()));
      } else if (op instanceof RequestOp.Put p) {
        entry.set("request_put", encodePut(p.request()));
      } else if (op instanceof RequestOp.DeleteRange d) {
        entry.set("request_delete_range", encodeDeleteRange(d.request()));
      } else if (op instanceof RequestOp.Txn t) {
        entry.set("request_txn", encodeTxn(t.request()));
      }
    }
  }

  public static ObjectNode encodeWatchCreate(WatchRequest r) {
    ObjectNode create = object();
    putBytes(create, "key", r.key());
    putBytes(create, "range_end", r.rangeEnd());
    putInt64(create, "start_revision", r.startRevision());
    putBool(create, "progress_notify", r.progressNotify());
    putBool(create, "prev_kv", r.prevKv());
    ObjectNode json = object();
    json.set("create_request", create);
    return json;
  }

  public static ObjectNode encodeLease(long id, long ttlSeconds) {
    ObjectNode json = object();
    putInt64(json, "TTL", ttlSeconds);
    putInt64(json, "ID", id);
    return json;
  }

  // ---- responses -------------------------------------------------------------------------------

  public static ResponseHeader decodeHeader(JsonNode json) {
    JsonNode h = message(json, "header");
    return new ResponseHeader(uint64(h, "cluster_id"), uint64(h, "member_id"), int64(h, "revision"), uint64(h, "raft_term"));
  }

  public static KeyValue decodeKeyValue(JsonNode kv) {
    return new KeyValue(bytes(kv, "key"), int64(kv, "create_revision"), int64(kv, "mod_revision"),
        int64(kv, "version"), bytes(kv, "value"), int64(kv, "lease"));
  }

  private static List<KeyValue> decodeKeyValues(JsonNode json, String name) {
    List<KeyValue> kvs = new ArrayList<>();
    repeated(json, name).forEach(kv -> kvs.add(decodeKeyValue(kv)));
    return kvs;
  }

  public static RangeResponse decodeRange(JsonNode json) {
    return new RangeResponse(decodeHeader(json), decodeKeyValues(json, "kvs"), bool(json, "more"), int64(json, "count"));
  }

  public static PutResponse decodePut(JsonNode json) {
    JsonNode prev = field(json, "prev_kv");
    return new PutResponse(decodeHeader(json), prev == null ? null : decodeKeyValue(prev));
  }

  public static DeleteRangeResponse decodeDeleteRange(JsonNode json) {
    return new DeleteRangeResponse(decodeHeader(json), int64(json, "deleted"), decodeKeyValues(json, "prev_kvs"));
  }

  public static TxnResponse decodeTxn(JsonNode json) {
    List<ResponseOp> ops = new ArrayList<>();
    for (JsonNode op : repeated(json, "responses")) {
      if (field(op, "response_range") != null) {
        ops.add(new ResponseOp.Range(decodeRange(message(op, "response_range"))));
      } else if (field(op, "response_put") != null) {
        ops.add(new ResponseOp.Put(decodePut(message(op, "response_put"))));
      } else if (field(op, "response_delete_range") != null) {
        ops.add(new ResponseOp.DeleteRange(decodeDeleteRange(message(op, "response_delete_range"))));
      } else if (field(op, "response_txn") != null) {
        ops.add(new ResponseOp.Txn(decodeTxn(message(op, "response_txn"))));
      } else {
        throw new IllegalArgumentException("txn response entry of no known kind: " + op);
      }
    }
    return new TxnResponse(decodeHeader(json), bool(json, "succeeded"), ops);
  }

  public static WatchResponse decodeWatchResponse(JsonNode json) {
    List<WatchEvent> events = new ArrayList<>();
    for (JsonNode e : repeated(json, "events")) {
      JsonNode type = field(e, "type");
      boolean delete = type != null && (type.asText().equals("DELETE") || type.asInt(-1) == 1);
      JsonNode prev = field(e, "prev_kv");
      events.add(new WatchEvent(delete ? WatchEvent.Type.DELETE : WatchEvent.Type.PUT,
          decodeKeyValue(message(e, "kv")), prev == null ? null : decodeKeyValue(prev)));
    }
    JsonNode reason = field(json, "cancel_reason");
    return new WatchResponse(decodeHeader(json), int64(json, "watch_id"), bool(json, "created"),
        bool(json, "canceled"), int64(json, "compact_revision"), reason == null ? "" : reason.asText(), events);
  }

  public static Lease.GrantResponse decodeLeaseGrant(JsonNode json) {
    return new Lease.GrantResponse(decodeHeader(json), int64(json, "ID"), int64(json, "TTL"));
  }

  public static Lease.KeepAliveResponse decodeLeaseKeepAlive(JsonNode json) {
    return new Lease.KeepAliveResponse(decodeHeader(json), int64(json, "ID"), int64(json, "TTL"));
  }

  public static Lease.TimeToLiveResponse decodeLeaseTimeToLive(JsonNode json) {
    List<Bytes> keys = new ArrayList<>();
    repeated(json, "keys").forEach(k -> keys.add(Bytes.fromBase64(k.asText())));
    return new Lease.TimeToLiveResponse(decodeHeader(json), int64(json, "ID"), int64(json, "TTL"),
        int64(json, "grantedTTL"), keys);
  }

  public static StatusResponse decodeStatus(JsonNode json) {
    JsonNode version = field(json, "version");
    return new StatusResponse(decodeHeader(json), version == null ? "" : version.asText(), int64(json, "dbSize"),
        uint64(json, "leader"), uint64(json, "raftIndex"), uint64(json, "raftTerm"));
  }
}
