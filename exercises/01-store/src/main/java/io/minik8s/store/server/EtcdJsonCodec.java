package io.minik8s.store.server;

import static io.minik8s.store.server.JsonFields.bool;
import static io.minik8s.store.server.JsonFields.bytes;
import static io.minik8s.store.server.JsonFields.field;
import static io.minik8s.store.server.JsonFields.int64;
import static io.minik8s.store.server.JsonFields.message;
import static io.minik8s.store.server.JsonFields.object;
import static io.minik8s.store.server.JsonFields.putBool;
import static io.minik8s.store.server.JsonFields.putBytes;
import static io.minik8s.store.server.JsonFields.putInt64;
import static io.minik8s.store.server.JsonFields.putString;
import static io.minik8s.store.server.JsonFields.repeated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The server side of etcd's JSON gateway: request JSON to our api records, api records to the JSON
 * real etcd 3.4 sends. Field names are etcd's proto names (etcdserver/etcdserverpb/rpc.proto,
 * mvcc/mvccpb/kv.proto) as grpc-gateway writes them: mostly snake_case ({@code create_revision}),
 * but {@code ID}, {@code TTL}, {@code grantedTTL}, {@code dbSize} where the proto spells them so.
 * Values follow {@link JsonFields}: int64 as strings, bytes as base64, defaults omitted.
 *
 * <p>The client direction (our records to request JSON, response JSON to records) is in
 * {@link io.minik8s.store.client.EtcdJsonClientCodec}.
 */
public final class EtcdJsonCodec {

  private EtcdJsonCodec() {}

  // ---- requests --------------------------------------------------------------------------------

  /** {@code RangeRequest}: key, range_end, limit, revision, keys_only, count_only. */
  public static RangeRequest decodeRange(JsonNode json) {
    // BEGIN EXERCISE 1.6 — decode a RangeRequest from the gateway's JSON
    throw new UnsupportedOperationException("TODO exercise 1.6: decode a RangeRequest from the gateway's JSON");
    // END EXERCISE 1.6
  }

  /** {@code PutRequest}: key, value, lease, prev_kv. */
  public static PutRequest decodePut(JsonNode json) {
    // BEGIN EXERCISE 1.6 — decode a PutRequest from the gateway's JSON
    throw new UnsupportedOperationException("TODO exercise 1.6: decode a PutRequest from the gateway's JSON");
    // END EXERCISE 1.6
  }

  public static DeleteRangeRequest decodeDeleteRange(JsonNode json) {
    return new DeleteRangeRequest(bytes(json, "key"), bytes(json, "range_end"), bool(json, "prev_kv"));
  }

  /**
   * {@code TxnRequest}: {@code compare} (each with target, result, key, range_end and the operand
   * field the target names), {@code success} and {@code failure} (each op one of request_range,
   * request_put, request_delete_range, request_txn).
   */
  public static TxnRequest decodeTxn(JsonNode json) {
    // BEGIN EXERCISE 1.6 — decode a TxnRequest: its compares and both branches
    throw new UnsupportedOperationException("TODO exercise 1.6: decode a TxnRequest: its compares and both branches");
    // END EXERCISE 1.6
  }

  /** The operand sits in the field the target names: {@code mod_revision} for MOD, etc. */
  static Compare decodeCompare(JsonNode json) {
    // BEGIN EXERCISE 1.6 — decode one Compare, its operand taken from the field its target names
    throw new UnsupportedOperationException("TODO exercise 1.6: decode one Compare, its operand taken from the field its target names");
    // END EXERCISE 1.6
  }

  private static List<RequestOp> decodeOps(JsonNode txn, String branch) {
    List<RequestOp> ops = new ArrayList<>();
    for (JsonNode op : repeated(txn, branch)) {
      JsonFields.requireObject(op);
      ops.add(decodeOp(op));
    }
    return ops;
  }

  static RequestOp decodeOp(JsonNode op) {
    if (field(op, "request_range") != null) {
      return new RequestOp.Range(decodeRange(message(op, "request_range")));
    }
    if (field(op, "request_put") != null) {
      return new RequestOp.Put(decodePut(message(op, "request_put")));
    }
    if (field(op, "request_delete_range") != null) {
      return new RequestOp.DeleteRange(decodeDeleteRange(message(op, "request_delete_range")));
    }
    if (field(op, "request_txn") != null) {
      return new RequestOp.Txn(decodeTxn(message(op, "request_txn")));
    }
    throw GoJsonSyntax.invalid("minik8s store: a txn operation needs one of request_range, request_put, "
        + "request_delete_range, request_txn");
  }

  /** The {@code create_request} of a watch stream's first message. */
  public static WatchRequest decodeWatchCreate(JsonNode create) {
    rejectUnsupported(create, "fragment");
    return new WatchRequest(bytes(create, "key"), bytes(create, "range_end"), int64(create, "start_revision"),
        bool(create, "prev_kv"), bool(create, "progress_notify"));
  }

  /** The watch event types a create_request's {@code filters} drop: NOPUT (0), NODELETE (1). */
  public static List<WatchEvent.Type> decodeWatchFilters(JsonNode create) {
    List<WatchEvent.Type> dropped = new ArrayList<>();
    for (JsonNode f : repeated(create, "filters")) {
      boolean noPut = f.isTextual() ? f.asText().equals("NOPUT") : f.isIntegralNumber() && f.asInt() == 0;
      boolean noDelete = f.isTextual() ? f.asText().equals("NODELETE") : f.isIntegralNumber() && f.asInt() == 1;
      if (!noPut && !noDelete) {
        throw GoJsonSyntax.invalid("unknown value " + f + " for enum etcdserverpb.WatchCreateRequest_FilterType");
      }
      dropped.add(noPut ? WatchEvent.Type.PUT : WatchEvent.Type.DELETE);
    }
    return dropped;
  }

  /**
   * Options etcd has and this store does not: refused (gRPC code 3) rather than ignored, since
   * ignoring, say, {@code sort_order: DESCEND} would silently answer a different question.
   */
  static void rejectUnsupported(JsonNode json, String... names) {
    for (String name : names) {
      JsonNode v = field(json, name);
      boolean isDefault = v == null
          || (v.isBoolean() && !v.booleanValue())
          || (v.isNumber() && v.asDouble() == 0)
          || (v.isTextual() && List.of("", "0", "NONE", "KEY").contains(v.asText()));
      if (!isDefault) {
        throw GoJsonSyntax.invalid("minik8s store: " + name + " is not supported");
      }
    }
  }

  // ---- responses -------------------------------------------------------------------------------

  /**
   * Every response has a header, even an empty one. {@code cluster_id}, {@code member_id} and
   * {@code raft_term} are uint64 in etcd: written unsigned ({@link JsonFields#putUint64}).
   */
  public static ObjectNode encodeHeader(ResponseHeader header) {
    // BEGIN EXERCISE 1.6 — encode a ResponseHeader: int64 fields as strings, zeros omitted
    throw new UnsupportedOperationException("TODO exercise 1.6: encode a ResponseHeader: int64 fields as strings, zeros omitted");
    // END EXERCISE 1.6
  }

  /** {@code mvccpb.KeyValue}: key, create_revision, mod_revision, version, value, lease. */
  public static ObjectNode encodeKeyValue(KeyValue kv) {
    // BEGIN EXERCISE 1.6 — encode a KeyValue as mvccpb.KeyValue JSON
    throw new UnsupportedOperationException("TODO exercise 1.6: encode a KeyValue as mvccpb.KeyValue JSON");
    // END EXERCISE 1.6
  }

  public static ObjectNode encodeRange(RangeResponse response) {
    // BEGIN EXERCISE 1.6 — encode a RangeResponse: header, kvs, more, count
    throw new UnsupportedOperationException("TODO exercise 1.6: encode a RangeResponse: header, kvs, more, count");
    // END EXERCISE 1.6
  }

  public static ObjectNode encodePut(PutResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    if (response.prevKv() != null) {
      json.set("prev_kv", encodeKeyValue(response.prevKv()));
    }
    return json;
  }

  public static ObjectNode encodeDeleteRange(DeleteRangeResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    putInt64(json, "deleted", response.deleted());
    if (!response.prevKvs().isEmpty()) {
      ArrayNode prev = json.putArray("prev_kvs");
      response.prevKvs().forEach(kv -> prev.add(encodeKeyValue(kv)));
    }
    return json;
  }

  /**
   * The results of a txn's branch, each under the name of its kind. etcd fills only the revision
   * in the headers of the inner responses ({@code "response_put":{"header":{"revision":"9"}}}).
   */
  public static ObjectNode encodeTxn(TxnResponse response) {
    // BEGIN EXERCISE 1.6 — encode a TxnResponse: succeeded and one named entry per op result
    throw new UnsupportedOperationException("TODO exercise 1.6: encode a TxnResponse: succeeded and one named entry per op result");
    // END EXERCISE 1.6
  }

  private static ObjectNode inner(ObjectNode encoded, ResponseHeader header) {
    encoded.set("header", encodeHeader(new ResponseHeader(0, 0, header.revision(), 0)));
    return encoded;
  }

  public static ObjectNode encodeCompaction(ResponseHeader header) {
    ObjectNode json = object();
    json.set("header", encodeHeader(header));
    return json;
  }

  /**
   * One watch response (the stream wraps it in {@code {"result":...}}): a PUT event's type is
   * omitted (it is enum value 0), a DELETE's is {@code "DELETE"}.
   */
  public static ObjectNode encodeWatchResponse(WatchResponse response) {
    // BEGIN EXERCISE 1.6 — encode a WatchResponse and its events
    throw new UnsupportedOperationException("TODO exercise 1.6: encode a WatchResponse and its events");
    // END EXERCISE 1.6
  }

  public static ObjectNode encodeLeaseGrant(Lease.GrantResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    putInt64(json, "ID", response.id());
    putInt64(json, "TTL", response.ttl());
    return json;
  }

  public static ObjectNode encodeLeaseRevoke(Lease.RevokeResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    return json;
  }

  public static ObjectNode encodeLeaseKeepAlive(Lease.KeepAliveResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    putInt64(json, "ID", response.id());
    putInt64(json, "TTL", response.ttl());
    return json;
  }

  public static ObjectNode encodeLeaseTimeToLive(Lease.TimeToLiveResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    putInt64(json, "ID", response.id());
    putInt64(json, "TTL", response.ttl());
    putInt64(json, "grantedTTL", response.grantedTtl());
    if (!response.keys().isEmpty()) {
      ArrayNode keys = json.putArray("keys");
      response.keys().forEach(k -> keys.add(k.toBase64()));
    }
    return json;
  }

  /** {@code StatusResponse}: these proto fields are camelCase in etcd's rpc.proto, hence in JSON. */
  public static ObjectNode encodeStatus(StatusResponse response) {
    ObjectNode json = object();
    json.set("header", encodeHeader(response.header()));
    putString(json, "version", response.version());
    putInt64(json, "dbSize", response.dbSize());
    JsonFields.putUint64(json, "leader", response.leader());
    JsonFields.putUint64(json, "raftIndex", response.raftIndex());
    JsonFields.putUint64(json, "raftTerm", response.raftTerm());
    return json;
  }
}
