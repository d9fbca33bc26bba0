package io.minik8s.apiserver.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Where the next page of a list starts: the store revision the first page was read at, and the
 * first key not yet returned. On the wire it is opaque to clients but has upstream's exact
 * format, so a token from a real API server works here and the other way round:
 *
 * <pre>
 * {"v":"meta.k8s.io/v1","rv":42,"start":"web\u0000"}   base64url, no padding:
 * eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDIsInN0YXJ0Ijoid2ViXHUwMDAwIn0
 * </pre>
 *
 * {@code start} is the key after the last one returned ({@code lastKey + "\0"}, the smallest key
 * greater than it), relative to the listed prefix so that a client cannot aim it at another
 * resource: the prefix is added back when decoding, after refusing {@code ..} and the like.
 *
 * <p>{@code rv} -1 means "continue at the latest revision": the token a 410 answer carries when
 * the first page's revision has been compacted.
 *
 * <p>Upstream: k8s.io/apiserver/pkg/storage/continue.go.
 *
 * @param resourceVersion the revision every page is read at; -1 for the latest
 * @param startKey the full store key to continue from (prefix included)
 */
public record ContinueToken(long resourceVersion, String startKey) {

  static final String VERSION = "meta.k8s.io/v1";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The token continuing after {@code lastKey}, for a list of {@code keyPrefix} at {@code revision}. */
  public static String encode(String lastKey, String keyPrefix, long revision) {
    if (!lastKey.startsWith(keyPrefix)) {
      throw new IllegalArgumentException(lastKey + " is not under " + keyPrefix);
    }
    ObjectNode json = JSON.createObjectNode();
    json.put("v", VERSION);
    json.put("rv", revision);
    json.put("start", lastKey.substring(keyPrefix.length()) + "\0");
    try {
      return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Reads a client's token for a list of {@code keyPrefix}.
   *
   * @throws ApiException 400 BadRequest {@code invalid continue token: ...} for anything but a
   *     well-formed token of this version with a revision and a clean start key
   */
  public static ContinueToken decode(String token, String keyPrefix) {
    // BEGIN EXERCISE 2.1 — decode and check a continue token (base64url JSON, clean start key)
    JsonNode json;
    try {
      byte[] data = Base64.getUrlDecoder().decode(token);
      json = JSON.readTree(new String(data, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException | JsonProcessingException e) {
      throw invalid("continue key is not valid: " + e.getMessage());
    }
    if (json == null || !json.isObject()) {
      throw invalid("continue key is not valid: not a JSON object");
    }
    String version = json.path("v").asText("");
    if (!version.equals(VERSION)) {
      throw invalid("continue key is not valid: server does not recognize this encoded version \""
          + version + "\"");
    }
    long revision = json.path("rv").asLong(0);
    if (revision == 0) {
      throw invalid("continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)");
    }
    String start = json.path("start").asText("");
    if (start.isEmpty()) {
      throw invalid("continue key is not valid: encoded start key empty (version meta.k8s.io/v1)");
    }
    // Upstream runs path.Clean on "/" + start and refuses the token if that changed it: a start
    // key may not climb out of the listed prefix ("../secrets/...").
    String rooted = start.startsWith("/") ? start : "/" + start;
    if (!isClean(rooted)) {
      throw invalid("continue key is not valid: " + start);
    }
    return new ContinueToken(revision, keyPrefix + rooted.substring(1));
    // END EXERCISE 2.1
  }

  /** Whether Go's {@code path.Clean} leaves this rooted path as it is. */
  static boolean isClean(String rootedPath) {
    if (rootedPath.equals("/")) {
      return true;
    }
    String[] segments = rootedPath.substring(1).split("/", -1);
    for (String segment : segments) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  private static ApiException invalid(String why) {
    return StatusErrors.badRequest("invalid continue token: " + why);
  }
}
