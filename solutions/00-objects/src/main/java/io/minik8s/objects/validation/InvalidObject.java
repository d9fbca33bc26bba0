package io.minik8s.objects.validation;

import io.minik8s.objects.meta.Status;
import io.minik8s.objects.meta.StatusCause;
import io.minik8s.objects.meta.StatusDetails;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns validation errors into the API server's answer: HTTP 422 with a {@code Status} of reason
 * {@code Invalid}, one cause per error, and the message kubectl prints:
 *
 * <pre>
 * Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or
 * equal to 0, spec.template.spec.containers[0].image: Required value]
 * </pre>
 *
 * <p>Upstream: {@code errors.NewInvalid} in k8s.io/apimachinery/pkg/api/errors/errors.go and the
 * aggregate's {@code Error()} in pkg/util/errors/errors.go.
 */
public final class InvalidObject {

  private InvalidObject() {}

  /**
   * The errors joined as upstream's aggregate prints them: messages deduplicated in order; one
   * message alone as is, several as {@code [first, second]}.
   */
  public static String aggregate(List<FieldError> errors) {
    Set<String> messages = new LinkedHashSet<>();
    errors.forEach(e -> messages.add(e.message()));
    return messages.size() == 1
        ? messages.iterator().next()
        : "[" + String.join(", ", messages) + "]";
  }

  /**
   * The 422 Invalid status for object {@code name} of {@code kind} in {@code group} ("" for
   * core): {@code status} Failure, {@code code} 422, {@code reason} Invalid, {@code details}
   * naming the object with one {@link FieldError#toCause cause} per error, and the message
   * {@code <Kind>[.<group>] "<name>" is invalid: <aggregate>} (without the colon part when
   * there are no errors).
   */
  public static Status status(String group, String kind, String name, List<FieldError> errors) {
    // BEGIN EXERCISE 0.4 — build the 422 Invalid Status with one cause per field error
    List<StatusCause> causes = new ArrayList<>();
    errors.forEach(e -> causes.add(e.toCause()));
    String qualifiedKind = group.isEmpty() ? kind : kind + "." + group;
    String message = qualifiedKind + " \"" + name + "\" is invalid";
    if (!errors.isEmpty()) {
      message += ": " + aggregate(errors);
    }
    return new Status(null, null, null, Status.FAILURE, message, "Invalid",
        new StatusDetails(name, group, kind, causes), 422, Map.of());
    // END EXERCISE 0.4
  }
}
