package io.minik8s.apiserver.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import java.io.IOException;

/**
 * Objects to store values and back. The value is the object's JSON without {@code
 * metadata.resourceVersion}: the version is the key's {@code mod_revision}, which the store
 * assigns when it writes, so it cannot be inside the value it writes (upstream's {@code
 * APIObjectVersioner} likewise clears it before encoding and sets it after decoding).
 */
public final class ObjectCodec {

  /** A plain mapper: trees are written as they are, no inclusion rules. */
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ObjectCodec() {}

  /** The value to store for {@code object}: its JSON without resourceVersion. */
  public static Bytes encode(Unstructured object) {
    ObjectNode json = object.json().deepCopy();
    ((ObjectNode) json.get("metadata")).remove("resourceVersion");
    try {
      return Bytes.of(JSON.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode " + object.name(), e);
    }
  }

  /** The stored object, with {@code resourceVersion} set to the key's mod_revision. */
  public static Unstructured decode(KeyValue kv) {
    return decode(kv, kv.modRevision());
  }

  /** The stored object with the given resourceVersion (a DELETED event carries the delete's). */
  public static Unstructured decode(KeyValue kv, long resourceVersion) {
    try {
      JsonNode tree = JSON.readTree(kv.value().toByteArray());
      if (!(tree instanceof ObjectNode json)) {
        throw StatusErrors.internal("the value at " + kv.key() + " is not a JSON object");
      }
      Unstructured object = Unstructured.of(json);
      object.setResourceVersion(Long.toString(resourceVersion));
      return object;
    } catch (IOException e) {
      throw StatusErrors.internal("the value at " + kv.key() + " is not valid JSON: " + e.getMessage());
    }
  }
}
