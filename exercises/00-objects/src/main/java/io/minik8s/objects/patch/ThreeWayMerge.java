package io.minik8s.objects.patch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The patch {@code kubectl apply} sends for a resource patched with JSON merge patch: it combines
 * what the user applied last time, what the server has now, and what the user applies now.
 *
 * <p>Three inputs, because two are not enough. Comparing desired with live alone would delete
 * everything other actors wrote (status, defaults, another controller's label); comparing desired
 * with last-applied alone would miss changes made on the server since. So:
 *
 * <ul>
 *   <li><b>additions and changes</b> come from {@code diff(live, desired)}, keeping only non-null
 *       members: whatever the user wants set and the server does not have yet;
 *   <li><b>deletions</b> come from {@code diff(lastApplied, desired)}, keeping only the nulls: a
 *       field the user applied before and removed from the manifest since;
 *   <li>the patch is the deletions with the additions merged in.
 * </ul>
 *
 * <p>A field that is only in live (never in an applied manifest) is in neither list: it is kept.
 *
 * <p>Worked example (a Deployment, trimmed):
 *
 * <pre>
 * last-applied  {"metadata":{"labels":{"app":"web","tier":"fe"}},
 *                "spec":{"replicas":3,"image":"web:1"}}
 *
 * live          {"metadata":{"labels":{"app":"web","tier":"fe","team":"blue"}},      team: another actor
 *                "spec":{"replicas":5,"image":"web:1","strategy":"RollingUpdate"},    5: someone scaled
 *                "status":{"ready":5}}                                                strategy: a default
 *
 * desired       {"metadata":{"labels":{"app":"web"}},                                 tier removed
 *                "spec":{"replicas":3,"image":"web:2"}}                               image bumped
 *
 * additions     diff(live, desired) without nulls     {"spec":{"replicas":3,"image":"web:2"}}
 * deletions     diff(last-applied, desired), nulls    {"metadata":{"labels":{"tier":null}}}
 *
 * patch         {"metadata":{"labels":{"tier":null}},"spec":{"replicas":3,"image":"web:2"}}
 * </pre>
 *
 * <p>{@code team}, {@code strategy} and {@code status} survive; {@code tier} goes; the image
 * changes. And {@code replicas} goes back to 3: the manifest still says 3, and differs from live.
 * (That is why a manifest should leave {@code replicas} out when an autoscaler owns it.)
 *
 * <p>Upstream: {@code CreateThreeWayJSONMergePatch} in
 * k8s.io/apimachinery/pkg/util/jsonmergepatch/patch.go. Upstream also checks that the two halves do
 * not conflict; with object inputs they cannot (a member deleted from desired is never also set by
 * it), so we do not.
 */
public final class ThreeWayMerge {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ThreeWayMerge() {}

  /**
   * The merge patch that takes {@code live} to {@code desired} while deleting only fields removed
   * since {@code lastApplied}. Each argument is a JSON object or {@code null} (treated as
   * {@code {}}: e.g. no last-applied annotation yet). No argument is modified.
   *
   * @throws IllegalArgumentException if an argument is neither null nor a JSON object
   */
  public static ObjectNode patch(JsonNode lastApplied, JsonNode live, JsonNode desired) {
    // BEGIN EXERCISE 0.6 — combine the deletions (vs last-applied) with the additions and changes (vs live)
    throw new UnsupportedOperationException("TODO exercise 0.6: combine the deletions (vs last-applied) with the additions and changes (vs live)");
    // END EXERCISE 0.6
  }

  /**
   * A copy of {@code patch} with only its deletions ({@code keepNulls}: the null members, at any
   * depth) or only its additions and changes (otherwise: everything but the null members).
   * Objects left empty by the filtering are dropped; an object that was empty in {@code patch}
   * itself is a value ("set this to {}"), so it counts as a change.
   */
  static ObjectNode retain(ObjectNode patch, boolean keepNulls) {
    // BEGIN EXERCISE 0.6 — keep only the deletions, or only the additions and changes, of a patch
    throw new UnsupportedOperationException("TODO exercise 0.6: keep only the deletions, or only the additions and changes, of a patch");
    // END EXERCISE 0.6
  }

  /** {@code node} as an object: null becomes {}, a non-object is an error naming the argument. */
  private static ObjectNode object(JsonNode node, String argument) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return NODES.objectNode();
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          argument + " must be a JSON object, got " + node.getNodeType() + ": " + node);
    }
    return (ObjectNode) node;
  }
}
