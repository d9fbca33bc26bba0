package io.minik8s.objects.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * JSON merge patch, RFC 7386 (republished as RFC 7396): a patch is a JSON document that looks like
 * the target and says what to change.
 *
 * <ul>
 *   <li>An object patch is merged member by member, recursively.
 *   <li>A member whose patch value is {@code null} is removed from the target.
 *   <li>Anything else (string, number, boolean, array, or a non-object patch as a whole) replaces
 *       the target value; arrays are never merged element by element.
 * </ul>
 *
 * <p>So {@code {"spec":{"replicas":5},"metadata":{"labels":{"tier":null}}}} sets the replica count
 * and removes one label, leaving everything else alone. The API server applies such patches for
 * {@code PATCH} with {@code Content-Type: application/merge-patch+json}.
 *
 * <p>Neither method modifies its arguments; results share no nodes with them.
 *
 * <p>Upstream: github.com/evanphx/json-patch ({@code MergePatch}, {@code CreateMergePatch}), used
 * by k8s.io/apimachinery/pkg/util/jsonmergepatch.
 */
public final class JsonMergePatch {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonMergePatch() {}

  /**
   * The result of applying {@code patch} to {@code target} (RFC 7386 section 2). A Java
   * {@code null} stands for JSON {@code null}; a missing target behaves like a non-object one.
   */
  public static JsonNode apply(JsonNode target, JsonNode patch) {
    JsonNode copy = target == null ? NullNode.getInstance() : target.deepCopy();
    return mergeInto(copy, patch == null ? NullNode.getInstance() : patch);
  }

  /**
   * Applies {@code patch} to {@code target} and returns the result. {@code target} is a private
   * copy that may be modified and returned; {@code patch} must not be modified, and no node of it
   * may end up in the result (copy what you take). {@code target} may be Java {@code null} for a
   * missing member.
   */
  private static JsonNode mergeInto(JsonNode target, JsonNode patch) {
    // BEGIN EXERCISE 0.6 — apply a merge patch: objects merge member by member, null removes, anything else replaces
    throw new UnsupportedOperationException("TODO exercise 0.6: apply a merge patch: objects merge member by member, null removes, anything else replaces");
    // END EXERCISE 0.6
  }

  /**
   * The smallest merge patch that turns {@code original} into {@code modified}: for two objects,
   * the members added or changed in {@code modified} (recursing into objects present in both, and
   * leaving out members that did not change) plus {@code null} for each member of
   * {@code original} that {@code modified} lacks. Two equal objects give {@code {}}. If either side
   * is not an object, the patch is {@code modified} itself.
   *
   * <p>Numbers compare by value ({@code 1} equals {@code 1.0}); arrays compare as a whole and are
   * replaced as a whole. A {@code null} member of {@code modified} is kept in the patch (unless
   * {@code original} has the same {@code null}): it can only mean "absent", so it deletes.
   *
   * <p>{@code apply(original, diff(original, modified))} equals {@code modified} whenever
   * {@code modified} contains no {@code null} members.
   */
  public static JsonNode diff(JsonNode original, JsonNode modified) {
    // BEGIN EXERCISE 0.6 — compute the minimal merge patch from original to modified
    throw new UnsupportedOperationException("TODO exercise 0.6: compute the minimal merge patch from original to modified");
    // END EXERCISE 0.6
  }
}
