package io.minik8s.apiserver.printing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;
import java.time.Instant;
import java.util.List;

/**
 * Server-side printing: turns objects into the {@code meta.k8s.io/v1 Table} that {@code kubectl
 * get} asks for with {@code Accept: application/json;as=Table;v=v1;g=meta.k8s.io}, so kubectl
 * needs no knowledge of a kind to print it.
 *
 * <pre>{@code
 * {"kind":"Table","apiVersion":"meta.k8s.io/v1",
 *  "metadata":{"resourceVersion":"42"},
 *  "columnDefinitions":[{"name":"Name","type":"string","format":"name","description":"...","priority":0},...],
 *  "rows":[{"cells":["web-1","1/1","Running","0","5m"],
 *           "object":{"kind":"PartialObjectMetadata","apiVersion":"meta.k8s.io/v1","metadata":{...}}}]}
 * }</pre>
 *
 * <p>Every column is sent, wide ones with {@code priority: 1}; kubectl hides those unless {@code
 * -o wide}. Each row carries the object as asked by {@code ?includeObject=} ({@link
 * IncludeObject}): by default only its metadata, enough for kubectl to print names and labels.
 *
 * <p>Upstream: {@code TableConvertor} in k8s.io/kubernetes/pkg/printers/storage/storage.go (with
 * {@code GenerateOptions{Wide: true}}), and k8s.io/apiserver/pkg/endpoints/handlers/response.go
 * for the row objects.
 */
public final class TableConverter {

  /** What each row's {@code object} holds: nothing, PartialObjectMetadata, or the whole object. */
  public enum IncludeObject {
    NONE, METADATA, OBJECT;

    /** Parses {@code ?includeObject=None|Metadata|Object}; absent or empty means METADATA. */
    public static IncludeObject parse(String value) {
      if (value == null || value.isEmpty() || value.equals("Metadata")) {
        return METADATA;
      }
      return switch (value) {
        case "None" -> NONE;
        case "Object" -> OBJECT;
        default -> throw new IllegalArgumentException(
            "includeObject must be None, Metadata or Object, got \"" + value + "\"");
      };
    }
  }

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** The table of {@code objects} (rows carry PartialObjectMetadata); see the class comment. */
  public ObjectNode toTable(ResourceType type, List<Unstructured> objects, String resourceVersion,
      String continueToken, Instant now) {
    return toTable(type, objects, resourceVersion, continueToken, now, IncludeObject.METADATA);
  }

  /**
   * The table of {@code objects} at time {@code now} (ages are relative to it); {@code
   * resourceVersion} and {@code continueToken} go to the table's metadata when non-empty.
   */
  public ObjectNode toTable(ResourceType type, List<Unstructured> objects, String resourceVersion,
      String continueToken, Instant now, IncludeObject include) {
    Printer printer = Printers.forResource(type.resource().groupResource());
    ObjectNode table = JSON.objectNode();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    if (resourceVersion != null && !resourceVersion.isEmpty()) {
      metadata.put("resourceVersion", resourceVersion);
    }
    if (continueToken != null && !continueToken.isEmpty()) {
      metadata.put("continue", continueToken);
    }
    ArrayNode columns = table.putArray("columnDefinitions");
    for (Column c : printer.columns()) {
      columns.addObject()
          .put("name", c.name())
          .put("type", c.type())
          .put("format", c.format())
          .put("description", c.description())
          .put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (Unstructured object : objects) {
      rows.add(row(printer, object, now, include));
    }
    return table;
  }

  private static ObjectNode row(Printer printer, Unstructured object, Instant now,
      IncludeObject include) {
    ObjectNode row = JSON.objectNode();
    ArrayNode cells = row.putArray("cells");
    for (Object cell : printer.cells(object.json(), now)) {
      if (cell instanceof Number n) {
        cells.add(n.longValue());
      } else {
        cells.add(String.valueOf(cell));
      }
    }
    List<Printer.RowCondition> conditions = printer.conditions(object.json());
    if (!conditions.isEmpty()) {
      ArrayNode list = row.putArray("conditions");
      conditions.forEach(c -> list.addObject().put("type", c.type()).put("status", c.status())
          .put("reason", c.reason()).put("message", c.message()));
    }
    switch (include) {
      case OBJECT -> row.set("object", object.json().deepCopy());
      case METADATA -> {
        ObjectNode partial = row.putObject("object");
        partial.put("kind", "PartialObjectMetadata");
        partial.put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.metadata().deepCopy());
      }
      case NONE -> { }
    }
    return row;
  }
}
