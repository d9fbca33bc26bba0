package io.minik8s.store.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The fields of every etcd request message, so a request naming a field that does not exist is
 * refused with a 400 instead of silently doing something else than its sender meant (a typo such
 * as {@code "prevKV"} would otherwise be ignored and the answer would lack what was asked for).
 *
 * <p>This is stricter than etcd 3.4, whose gateway ignores unknown fields; a client of etcd's
 * documented API never sends one, and the message is the one protobuf's JSON parser gives when it
 * rejects one: {@code unknown field "bogus" in etcdserverpb.RangeRequest}. Field lists from
 * etcdserver/etcdserverpb/rpc.proto (release-3.4); names are accepted in proto and lowerCamel form.
 */
final class RequestSchema {

  /**
   * Message → its fields, each under its proto and its lowerCamel name; a field that holds a
   * message (or a list of them) names its type, else "".
   */
  private static final Map<String, Map<String, String>> MESSAGES = withJsonNames(Map.ofEntries(
      Map.entry("RangeRequest", fields("key", "range_end", "limit", "revision", "sort_order", "sort_target",
          "serializable", "keys_only", "count_only", "min_mod_revision", "max_mod_revision",
          "min_create_revision", "max_create_revision")),
      Map.entry("PutRequest", fields("key", "value", "lease", "prev_kv", "ignore_value", "ignore_lease")),
      Map.entry("DeleteRangeRequest", fields("key", "range_end", "prev_kv")),
      Map.entry("TxnRequest", Map.of("compare", "Compare", "success", "RequestOp", "failure", "RequestOp")),
      Map.entry("Compare", fields("result", "target", "key", "version", "create_revision", "mod_revision",
          "value", "lease", "range_end")),
      Map.entry("RequestOp", Map.of("request_range", "RangeRequest", "request_put", "PutRequest",
          "request_delete_range", "DeleteRangeRequest", "request_txn", "TxnRequest")),
      Map.entry("CompactionRequest", fields("revision", "physical")),
      Map.entry("WatchRequest", Map.of("create_request", "WatchCreateRequest",
          "cancel_request", "WatchCancelRequest", "progress_request", "WatchProgressRequest")),
      Map.entry("WatchCreateRequest", fields("key", "range_end", "start_revision", "progress_notify", "filters",
          "prev_kv", "watch_id", "fragment")),
      Map.entry("WatchCancelRequest", fields("watch_id")),
      Map.entry("WatchProgressRequest", fields()),
      Map.entry("LeaseGrantRequest", fields("TTL", "ID")),
      Map.entry("LeaseRevokeRequest", fields("ID")),
      Map.entry("LeaseKeepAliveRequest", fields("ID")),
      Map.entry("LeaseTimeToLiveRequest", fields("ID", "keys")),
      Map.entry("StatusRequest", fields()),
      Map.entry("SnapshotRequest", fields())));

  /** Endpoint (as routed, e.g. {@code kv/range}) → its request message. */
  private static final Map<String, String> ENDPOINTS = Map.ofEntries(
      Map.entry("kv/range", "RangeRequest"),
      Map.entry("kv/put", "PutRequest"),
      Map.entry("kv/deleterange", "DeleteRangeRequest"),
      Map.entry("kv/txn", "TxnRequest"),
      Map.entry("kv/compaction", "CompactionRequest"),
      Map.entry("watch", "WatchRequest"),
      Map.entry("lease/grant", "LeaseGrantRequest"),
      Map.entry("lease/revoke", "LeaseRevokeRequest"),
      Map.entry("kv/lease/revoke", "LeaseRevokeRequest"),
      Map.entry("lease/keepalive", "LeaseKeepAliveRequest"),
      Map.entry("lease/timetolive", "LeaseTimeToLiveRequest"),
      Map.entry("kv/lease/timetolive", "LeaseTimeToLiveRequest"),
      Map.entry("maintenance/status", "StatusRequest"),
      Map.entry("maintenance/snapshot", "SnapshotRequest"));

  private RequestSchema() {}

  /**
   * @throws io.minik8s.store.api.StoreException INVALID_ARGUMENT naming the first unknown field
   */
  static void check(String endpoint, JsonNode request) {
    String message = ENDPOINTS.get(endpoint);
    if (message != null) {
      checkMessage(message, request);
    }
  }

  private static void checkMessage(String message, JsonNode json) {
    if (json == null || !json.isObject()) {
      return; // type errors are the decoder's, with Go's wording
    }
    Map<String, String> known = MESSAGES.get(message);
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String nested = known.get(field.getKey());
      if (nested == null) {
        throw GoJsonSyntax.invalid("unknown field \"" + field.getKey() + "\" in etcdserverpb." + message);
      }
      if (!nested.isEmpty()) {
        JsonNode value = field.getValue();
        if (value.isArray()) {
          value.forEach(item -> checkMessage(nested, item));
        } else {
          checkMessage(nested, value);
        }
      }
    }
  }

  /** Adds each field's lowerCamel name ({@code rangeEnd}) beside its proto name ({@code range_end}). */
  private static Map<String, Map<String, String>> withJsonNames(Map<String, Map<String, String>> messages) {
    Map<String, Map<String, String>> both = new java.util.HashMap<>();
    messages.forEach((message, fields) -> {
      Map<String, String> names = new java.util.HashMap<>(fields);
      fields.forEach((proto, type) -> names.put(JsonFields.jsonName(proto), type));
      both.put(message, Map.copyOf(names));
    });
    return Map.copyOf(both);
  }

  private static Map<String, String> fields(String... names) {
    Map<String, String> fields = new java.util.HashMap<>();
    for (String name : names) {
      fields.put(name, "");
    }
    return Map.copyOf(fields);
  }
}
