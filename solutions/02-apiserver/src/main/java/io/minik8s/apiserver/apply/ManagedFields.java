package io.minik8s.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.patch.PatchSchema;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code metadata.managedFields} up to date on every write that is not an apply (create,
 * update, every patch type but apply): the writer becomes the owner of the fields its write
 * changed, as an {@code Update} entry, and the fields it changed or removed are taken from
 * everyone else. That is how {@code kubectl apply --server-side} later knows that
 * {@code .spec.replicas} was set by {@code kubectl-create} or by {@code kubectl scale}.
 *
 * <p>Worked example:
 *
 * <pre>
 * create by "kubectl-create": replicas 1, image web:1
 *     kubectl-create (Update, apps/v1) owns .spec.replicas, .spec...containers[name="web"].image
 * update by "kubectl-scale": replicas 1 → 3
 *     kubectl-scale (Update) owns .spec.replicas; kubectl-create keeps only the image
 * update by "kubectl-scale" that changes nothing: nothing moves
 * </pre>
 *
 * <p>Upstream: {@code Updater.Update} in sigs.k8s.io/structured-merge-diff/merge/update.go,
 * called by the FieldManager (k8s.io/apimachinery/pkg/util/managedfields) for every write.
 */
public final class ManagedFields {

  /**
   * Records {@code manager}'s write of {@code updated} over {@code oldOrNull} (null for a create)
   * in {@code updated}'s {@code metadata.managedFields}, starting from the entries of
   * {@code oldOrNull} (a create starts from none: whatever the client sent is ignored).
   */
  public void recordUpdate(Unstructured oldOrNull, Unstructured updated, String manager,
      Instant now) {
    PatchSchema schema = PatchSchema.forKind(updated.apiVersion(), updated.kind());
    List<ManagerEntry> entries = oldOrNull == null ? new ArrayList<>() : read(oldOrNull);
    ObjectFields before = ObjectFields.of(schema, oldOrNull == null ? null : oldOrNull.json());
    ObjectFields after = ObjectFields.of(schema, updated.json());
    write(updated, update(entries, before.compareTo(after), manager, updated.apiVersion(),
        time(now)));
  }

  /**
   * The entries after {@code manager}'s Update that made the changes in {@code comparison}: the
   * manager's Update entry for {@code apiVersion} gains what changed and loses what was
   * removed; every other entry loses both; entries left empty are dropped.
   */
  static List<ManagerEntry> update(List<ManagerEntry> entries,
      ObjectFields.Comparison comparison, String manager, String apiVersion, String time) {
    // BEGIN EXERCISE 2.8 — record an Update: the writer owns what it changed, others lose it
    FieldSet taken = comparison.changed().union(comparison.removed());
    List<ManagerEntry> result = new ArrayList<>();
    FieldSet own = FieldSet.EMPTY;
    boolean found = false;
    for (ManagerEntry entry : entries) {
      if (entry.sameWriter(manager, ManagerEntry.UPDATE, apiVersion)) {
        own = entry.fields();
        found = true;
      } else {
        ManagerEntry kept = entry.withFields(entry.fields().minus(taken));
        if (!kept.fields().isEmpty()) {
          result.add(kept);
        }
      }
    }
    FieldSet mine = own.minus(comparison.removed()).union(comparison.changed());
    if (!mine.isEmpty()) {
      // a write that added or modified anything is a new time, even on fields already owned
      // (upstream: managedFieldsUpdater.Update, k8s.io/apimachinery/pkg/util/managedfields)
      String when = found && comparison.changed().isEmpty() ? timeOf(entries, manager, apiVersion) : time;
      result.add(new ManagerEntry(manager, ManagerEntry.UPDATE, apiVersion, when, "", mine));
    }
    return result;
    // END EXERCISE 2.8
  }

  private static String timeOf(List<ManagerEntry> entries, String manager, String apiVersion) {
    return entries.stream()
        .filter(e -> e.sameWriter(manager, ManagerEntry.UPDATE, apiVersion))
        .map(ManagerEntry::time).findFirst().orElse("");
  }

  /** The entries of {@code object}'s {@code metadata.managedFields}. */
  public static List<ManagerEntry> read(Unstructured object) {
    List<ManagerEntry> entries = new ArrayList<>();
    JsonNode list = object.metadata().get("managedFields");
    if (list != null && list.isArray()) {
      list.forEach(e -> entries.add(ManagerEntry.fromJson(e)));
    }
    return entries;
  }

  /** Writes {@code entries} into {@code object}, in upstream's order; none removes the field. */
  public static void write(Unstructured object, List<ManagerEntry> entries) {
    if (entries.isEmpty()) {
      object.metadata().remove("managedFields");
      return;
    }
    List<ManagerEntry> sorted = new ArrayList<>(entries);
    sorted.sort(ManagerEntry.ORDER);
    ArrayNode list = object.metadata().putArray("managedFields");
    sorted.forEach(e -> list.add(e.toJson()));
  }

  /** RFC 3339 in whole seconds, as metav1.Time serialises. */
  static String time(Instant now) {
    return DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS));
  }
}
