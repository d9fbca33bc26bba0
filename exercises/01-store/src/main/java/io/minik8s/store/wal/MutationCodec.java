package io.minik8s.store.wal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.StoreState;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Mutations and store states as bytes: UTF-8 JSON, so a WAL record or a snapshot can be read with
 * {@code jq}. Keys and values are base64 (they are bytes, not text), as in etcd's JSON gateway.
 *
 * <p>The field names are a file format: data directories written by one version are read by the
 * next, so never rename a field; add new ones as optional. A mutation looks like:
 *
 * <pre>{@code
 * {"type":"write","revision":7,"events":[{"type":"PUT",
 *     "kv":{"key":"L2E=","createRevision":7,"modRevision":7,"version":1,"value":"MQ==","lease":0}}]}
 * {"type":"leaseGranted","id":42,"ttlSeconds":10}
 * {"type":"leaseRevoked","id":42}
 * {"type":"compacted","revision":5}
 * }</pre>
 *
 * <p>Upstream, etcd stores protobuf ({@code walpb.Record} wrapping {@code raftpb.Entry}); JSON is
 * bigger and slower but readable, which matters more in a course.
 */
public final class MutationCodec {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MutationCodec() {}

  public static byte[] encode(Mutation mutation) {
    ObjectNode node = JSON.createObjectNode();
    // Java 17 has no pattern switch; the sealed interface keeps this chain complete.
    if (mutation instanceof Mutation.Write w) {
      node.put("type", "write");
      writeCommit(node, w.commit());
    } else if (mutation instanceof Mutation.LeaseGranted g) {
      node.put("type", "leaseGranted").put("id", g.id()).put("ttlSeconds", g.ttlSeconds());
    } else if (mutation instanceof Mutation.LeaseRevoked r) {
      node.put("type", "leaseRevoked").put("id", r.id());
    } else if (mutation instanceof Mutation.Compacted c) {
      node.put("type", "compacted").put("revision", c.revision());
    } else {
      throw new IllegalArgumentException("unknown mutation " + mutation);
    }
    return bytes(node);
  }

  /** @throws IllegalArgumentException if the bytes are not an encoded mutation */
  public static Mutation decodeMutation(byte[] bytes) {
    JsonNode node = tree(bytes, "mutation");
    String type = node.path("type").asText();
    return switch (type) {
      case "write" -> new Mutation.Write(readCommit(node));
      case "leaseGranted" -> new Mutation.LeaseGranted(required(node, "id").asLong(), required(node, "ttlSeconds").asLong());
      case "leaseRevoked" -> new Mutation.LeaseRevoked(required(node, "id").asLong());
      case "compacted" -> new Mutation.Compacted(required(node, "revision").asLong());
      default -> throw new IllegalArgumentException("not a mutation: unknown type \"" + type + "\"");
    };
  }

  public static byte[] encode(StoreState state) {
    ObjectNode node = JSON.createObjectNode();
    node.put("revision", state.revision());
    node.put("compactRevision", state.compactRevision());
    ArrayNode baseKeys = node.putArray("baseKeys");
    state.baseKeys().forEach(kv -> baseKeys.add(keyValue(kv)));
    ArrayNode commits = node.putArray("commits");
    state.commits().forEach(c -> writeCommit(commits.addObject(), c));
    ArrayNode leases = node.putArray("leases");
    state.leases().forEach(l -> leases.addObject().put("id", l.id()).put("ttlSeconds", l.ttlSeconds()));
    return bytes(node);
  }

  /** @throws IllegalArgumentException if the bytes are not an encoded store state */
  public static StoreState decodeState(byte[] bytes) {
    JsonNode node = tree(bytes, "store state");
    List<KeyValue> baseKeys = new ArrayList<>();
    required(node, "baseKeys").forEach(kv -> baseKeys.add(readKeyValue(kv)));
    List<Commit> commits = new ArrayList<>();
    required(node, "commits").forEach(c -> commits.add(readCommit(c)));
    List<StoreState.LeaseRecord> leases = new ArrayList<>();
    required(node, "leases")
        .forEach(l -> leases.add(new StoreState.LeaseRecord(required(l, "id").asLong(), required(l, "ttlSeconds").asLong())));
    return new StoreState(
        required(node, "revision").asLong(), required(node, "compactRevision").asLong(), baseKeys, commits, leases);
  }

  private static void writeCommit(ObjectNode node, Commit commit) {
    node.put("revision", commit.revision());
    ArrayNode events = node.putArray("events");
    for (WatchEvent e : commit.events()) {
      ObjectNode event = events.addObject();
      event.put("type", e.type().name());
      event.set("kv", keyValue(e.kv()));
      if (e.prevKv() != null) {
        event.set("prevKv", keyValue(e.prevKv()));
      }
    }
  }

  private static Commit readCommit(JsonNode node) {
    List<WatchEvent> events = new ArrayList<>();
    for (JsonNode e : required(node, "events")) {
      JsonNode prev = e.get("prevKv");
      events.add(new WatchEvent(
          WatchEvent.Type.valueOf(required(e, "type").asText()),
          readKeyValue(required(e, "kv")),
          prev == null || prev.isNull() ? null : readKeyValue(prev)));
    }
    return new Commit(required(node, "revision").asLong(), events);
  }

  private static ObjectNode keyValue(KeyValue kv) {
    return JSON.createObjectNode()
        .put("key", kv.key().toBase64())
        .put("createRevision", kv.createRevision())
        .put("modRevision", kv.modRevision())
        .put("version", kv.version())
        .put("value", kv.value().toBase64())
        .put("lease", kv.lease());
  }

  private static KeyValue readKeyValue(JsonNode node) {
    return new KeyValue(
        Bytes.fromBase64(required(node, "key").asText()),
        required(node, "createRevision").asLong(),
        required(node, "modRevision").asLong(),
        required(node, "version").asLong(),
        Bytes.fromBase64(required(node, "value").asText()),
        required(node, "lease").asLong());
  }

  private static JsonNode required(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IllegalArgumentException("missing field \"" + field + "\" in " + node);
    }
    return value;
  }

  private static JsonNode tree(byte[] bytes, String what) {
    try {
      JsonNode node = JSON.readTree(bytes);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("not a " + what + ": expected a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a " + what + ": " + e.getMessage(), e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + node, e);
    }
  }
}
