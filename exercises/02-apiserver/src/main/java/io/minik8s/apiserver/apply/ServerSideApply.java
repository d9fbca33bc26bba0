package io.minik8s.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.patch.JsonValues;
import io.minik8s.apiserver.patch.PatchException;
import io.minik8s.apiserver.patch.PatchSchema;
import io.minik8s.apiserver.patch.StrategicMergePatch;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.meta.StatusDetails;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import io.minik8s.objects.validation.InvalidObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Server-side apply: {@code PATCH} with {@code application/apply-patch+yaml}. The body is the
 * manager's whole intent (its "applied configuration"); the server merges it into the live
 * object and keeps track, per field, of who set it ({@code metadata.managedFields}).
 *
 * <ol>
 *   <li>The applied configuration is merged into the live object: the fields it names take its
 *       values, lists merge by key as the schema says, everything else stays.
 *   <li>Fields this manager applied last time and no longer names are removed, unless another
 *       manager owns them too ("pruning": deleting a label from your manifest deletes it).
 *   <li>A field whose value the apply changes and that another manager owns is a conflict: 409
 *       listing each one, unless {@code force}, which takes the fields over. Setting a field to
 *       the value it already has is no conflict: the two managers then share it.
 *   <li>The manager's Apply entry now owns exactly the fields of the configuration.
 * </ol>
 *
 * <p>Worked example: {@code kubectl create deployment web --replicas=1} records
 * {@code kubectl-create} as owner of {@code .spec.replicas}. {@code kubectl apply --server-side}
 * of a manifest with {@code replicas: 3} then fails with {@code Apply failed with 1 conflict:
 * conflict with "kubectl-create" using apps/v1: .spec.replicas}; with {@code replicas: 1} it
 * succeeds and both own the field; with {@code --force-conflicts} kubectl becomes the only owner.
 *
 * <p>Upstream: {@code Updater.Apply} and {@code prune} in
 * sigs.k8s.io/structured-merge-diff/merge/update.go; the 409 from {@code NewConflictError} in
 * k8s.io/apimachinery/pkg/util/managedfields/internal/conflict.go.
 */
public final class ServerSideApply {

  /**
   * The object after {@code fieldManager} applies {@code appliedConfig} (apiVersion, kind and
   * the fields it manages; JSON of the YAML body) to {@code liveOrNull} (null: the object does
   * not exist and apply creates it). Neither input is modified.
   *
   * @throws ApiException 422 Invalid without a field manager (as upstream's
   *     {@code ValidatePatchOptions}), 400 BadRequest for a configuration of another kind or a
   *     malformed one, 409 Conflict for fields other managers own and {@code force} is false
   */
  public Unstructured apply(ResourceType type, Unstructured liveOrNull, ObjectNode appliedConfig,
      String fieldManager, boolean force, Instant now) {
    if (fieldManager == null || fieldManager.isEmpty()) {
      throw new ApiException(InvalidObject.status("meta.k8s.io", "PatchOptions", "",
          List.of(FieldError.required(FieldPath.of("fieldManager"),
              "is required for apply patch"))));
    }
    String apiVersion = type.kind().apiVersion();
    String kind = type.kind().kind();
    if (!apiVersion.equals(appliedConfig.path("apiVersion").asText())
        || !kind.equals(appliedConfig.path("kind").asText())) {
      throw StatusErrors.badRequest("error decoding patch: the applied configuration must have "
          + "apiVersion " + apiVersion + " and kind " + kind + ", got \""
          + appliedConfig.path("apiVersion").asText() + "\" and \""
          + appliedConfig.path("kind").asText() + "\"");
    }
    ObjectNode config = appliedConfig.deepCopy();
    if (config.path("metadata").isObject()) {
      ((ObjectNode) config.get("metadata")).remove("managedFields");
    }
    Unstructured live = liveOrNull == null ? Unstructured.of(apiVersion, kind)
        : liveOrNull.deepCopy();
    List<ManagerEntry> entries = liveOrNull == null ? new ArrayList<>()
        : ManagedFields.read(live);
    live.metadata().remove("managedFields");

    PatchSchema schema = PatchSchema.forKind(apiVersion, kind);
    FieldSet applied = ObjectFields.of(schema, config).set();
    ObjectNode merged;
    try {
      merged = StrategicMergePatch.apply(schema, live.json(), config);
    } catch (PatchException e) {
      throw StatusErrors.badRequest("error decoding patch: " + e.getMessage());
    }
    FieldSet previouslyApplied = FieldSet.EMPTY;
    FieldSet ownedByOthers = FieldSet.EMPTY;
    for (ManagerEntry entry : entries) {
      if (entry.sameWriter(fieldManager, ManagerEntry.APPLY, apiVersion)) {
        previouslyApplied = entry.fields();
      } else {
        ownedByOthers = ownedByOthers.union(entry.fields());
      }
    }
    for (List<String> path : previouslyApplied.minus(applied).minus(ownedByOthers).paths()) {
      remove(merged, path);
    }
    ObjectFields.Comparison comparison =
        ObjectFields.of(schema, live.json()).compareTo(ObjectFields.of(schema, merged));
    Unstructured result = Unstructured.of(merged);
    ManagedFields.write(result, resolveOwnership(entries, comparison, fieldManager, force,
        new ManagerEntry(fieldManager, ManagerEntry.APPLY, apiVersion, ManagedFields.time(now),
            "", applied)));
    return result;
  }

  /**
   * The entries after an apply whose effect on the object is {@code comparison}: any other
   * manager owning a field the apply changed is a conflict (409 unless {@code force}); the
   * others lose what the apply changed or removed, empty entries go, and {@code applier}
   * replaces the manager's previous Apply entry.
   */
  static List<ManagerEntry> resolveOwnership(List<ManagerEntry> entries,
      ObjectFields.Comparison comparison, String fieldManager, boolean force,
      ManagerEntry applier) {
    // BEGIN EXERCISE 2.8 — detect conflicts with other managers, then move ownership to the applier
    throw new UnsupportedOperationException("TODO exercise 2.8: detect conflicts with other managers, then move ownership to the applier");
    // END EXERCISE 2.8
  }

  /** One field another manager owns and the apply would change. */
  record Conflict(ManagerEntry owner, List<String> path) {}

  /**
   * The 409 upstream sends: {@code Apply failed with 1 conflict: conflict with "kubectl-create"
   * using apps/v1: .spec.replicas}, or for several, grouped by manager:
   * {@code Apply failed with 2 conflicts: conflicts with "a":\n- .x\n- .y}; one cause per
   * conflict, reason {@code FieldManagerConflict}.
   */
  static ApiException conflictError(List<Conflict> conflicts) {
    List<Conflict> sorted = new ArrayList<>(conflicts);
    sorted.sort(Comparator.comparing((Conflict c) -> c.owner().manager())
        .thenComparing(c -> c.owner().describe()));
    List<StatusCause> causes = new ArrayList<>();
    for (Conflict c : sorted) {
      causes.add(new StatusCause("FieldManagerConflict", "conflict with " + c.owner().describe(),
          FieldSet.display(c.path())));
    }
    String message;
    if (sorted.size() == 1) {
      message = "Apply failed with 1 conflict: conflict with " + sorted.get(0).owner().describe()
          + ": " + FieldSet.display(sorted.get(0).path());
    } else {
      List<String> lines = new ArrayList<>();
      String current = null;
      for (Conflict c : sorted) {
        if (!c.owner().describe().equals(current)) {
          current = c.owner().describe();
          lines.add("conflicts with " + current + ":");
        }
        lines.add("- " + FieldSet.display(c.path()));
      }
      message = "Apply failed with " + sorted.size() + " conflicts: " + String.join("\n", lines);
    }
    return new ApiException(Status.failure(409, "Conflict", message,
        new StatusDetails("", "", "", causes)));
  }

  /** Removes the field at {@code path} (a member, a keyed item, a set value) if present. */
  static void remove(JsonNode object, List<String> path) {
    // BEGIN EXERCISE 2.8 — prune: remove one field path (member, keyed list item, set value)
    throw new UnsupportedOperationException("TODO exercise 2.8: prune: remove one field path (member, keyed list item, set value)");
    // END EXERCISE 2.8
  }

  /** The index of the item a {@code k:}, {@code v:} or {@code i:} token names, or -1. */
  private static int indexOfItem(ArrayNode list, String token) {
    String body = token.substring(2);
    if (token.startsWith("i:")) {
      int index = Integer.parseInt(body);
      return index < list.size() ? index : -1;
    }
    JsonNode wanted;
    try {
      wanted = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    } catch (Exception e) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      boolean match = token.startsWith("v:") ? JsonValues.sameValue(item, wanted) : keyMatches(item,
          wanted);
      if (match) {
        return i;
      }
    }
    return -1;
  }

  private static boolean keyMatches(JsonNode item, JsonNode key) {
    for (var field : key.properties()) {
      JsonNode value = item.get(field.getKey());
      if (value == null || !JsonValues.sameValue(value, field.getValue())) {
        return false;
      }
    }
    return true;
  }
}
