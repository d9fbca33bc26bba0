package io.minik8s.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;

/**
 * One entry of {@code metadata.managedFields}: a manager, how it wrote ({@code Apply} or
 * {@code Update}), at which apiVersion and when, and the fields it owns.
 *
 * <pre>
 * {"manager":"kubectl","operation":"Apply","apiVersion":"apps/v1",
 *  "time":"2025-01-01T00:00:00Z","fieldsType":"FieldsV1","fieldsV1":{"f:spec":{"f:replicas":{}}}}
 * </pre>
 *
 * <p>Upstream: {@code metav1.ManagedFieldsEntry} in k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
public record ManagerEntry(String manager, String operation, String apiVersion, String time,
    String subresource, FieldSet fields) {

  public static final String APPLY = "Apply";
  public static final String UPDATE = "Update";

  /**
   * Upstream's order of entries ({@code sortEncodedManagedFields} in
   * k8s.io/apimachinery/pkg/util/managedfields/internal/managedfields.go): Apply before Update,
   * then by time, manager, apiVersion.
   */
  public static final Comparator<ManagerEntry> ORDER = Comparator
      .comparing(ManagerEntry::operation)
      .thenComparing(ManagerEntry::time)
      .thenComparing(ManagerEntry::manager)
      .thenComparing(ManagerEntry::apiVersion);

  /**
   * True if this entry belongs to the same writer as {@code other}: upstream keys entries by
   * manager, operation and subresource, and an Update entry also by apiVersion
   * ({@code BuildManagerIdentifier}).
   */
  public boolean sameWriter(String manager, String operation, String apiVersion) {
    return this.manager.equals(manager) && this.operation.equals(operation)
        && (operation.equals(APPLY) || this.apiVersion.equals(apiVersion));
  }

  /**
   * How conflict messages name the writer: {@code "kubectl"} for an applier,
   * {@code "kubectl-create" using apps/v1} for an updater (upstream's {@code printManager} on the
   * identifier, which has no time).
   */
  public String describe() {
    String name = "\"" + manager + "\"";
    if (!subresource.isEmpty()) {
      name += " with subresource \"" + subresource + "\"";
    }
    return operation.equals(UPDATE) ? name + " using " + apiVersion : name;
  }

  public ManagerEntry withFields(FieldSet newFields) {
    return new ManagerEntry(manager, operation, apiVersion, time, subresource, newFields);
  }

  public ObjectNode toJson() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("manager", manager);
    json.put("operation", operation);
    json.put("apiVersion", apiVersion);
    json.put("time", time);
    json.put("fieldsType", "FieldsV1");
    json.set("fieldsV1", fields.toFieldsV1());
    if (!subresource.isEmpty()) {
      json.put("subresource", subresource);
    }
    return json;
  }

  public static ManagerEntry fromJson(JsonNode json) {
    return new ManagerEntry(json.path("manager").asText(""), json.path("operation").asText(""),
        json.path("apiVersion").asText(""), json.path("time").asText(""),
        json.path("subresource").asText(""), FieldSet.fromFieldsV1(json.get("fieldsV1")));
  }
}
