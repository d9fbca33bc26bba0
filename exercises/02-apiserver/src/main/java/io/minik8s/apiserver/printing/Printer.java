package io.minik8s.apiserver.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * The columns of one resource's table and how to fill them from an object: one cell per column,
 * a {@link String} or a {@link Long} for integer columns.
 *
 * <p>Upstream: the {@code printXxx} functions registered with {@code TableHandler} in
 * k8s.io/kubernetes/pkg/printers/internalversion/printers.go.
 */
public interface Printer {

  List<Column> columns();

  /** The cells of the object's row at time {@code now}, in column order. */
  List<Object> cells(JsonNode object, Instant now);

  /** Conditions of the row (upstream marks succeeded and failed pods "Completed"); none by default. */
  default List<RowCondition> conditions(JsonNode object) {
    return List.of();
  }

  /** Upstream: {@code metav1.TableRowCondition}. */
  record RowCondition(String type, String status, String reason, String message) {}
}
