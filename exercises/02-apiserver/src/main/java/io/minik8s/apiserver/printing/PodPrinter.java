package io.minik8s.apiserver.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The pod table: {@code NAME READY STATUS RESTARTS AGE} and, with {@code -o wide}, {@code IP NODE
 * NOMINATED NODE READINESS GATES}.
 *
 * <p>STATUS is not a field of the pod: it is the most telling thing about it, derived from the
 * phase, the init containers and the containers, in this order of precedence (a later rule
 * overrides an earlier one):
 *
 * <ol>
 *   <li>{@code status.reason} if set, else {@code status.phase} ({@code Pending}, {@code Running}...).
 *   <li>The first init container that has not succeeded: {@code Init:<waiting reason>}, {@code
 *       Init:<terminated reason>}, {@code Init:ExitCode:<n>} or {@code Init:<i>/<n>}.
 *   <li>When initialization is over, each container from last to first: its waiting reason
 *       ({@code CrashLoopBackOff}, {@code ContainerCreating}), its terminated reason ({@code
 *       Completed}, {@code Error}) or {@code ExitCode:<n>}; a ready running container counts in
 *       READY. {@code Completed} with one container still running reads {@code Running} (or
 *       {@code NotReady} when the pod is not Ready).
 *   <li>A pod being deleted reads {@code Terminating} (or {@code Unknown} if its node is lost).
 * </ol>
 *
 * <p>RESTARTS sums restart counts, followed by the age of the most recent restart: {@code 3 (2m
 * ago)}. Upstream: {@code printPod} in k8s.io/kubernetes/pkg/printers/internalversion/printers.go.
 * Simplified: sidecar (restartable) init containers are counted like upstream, but a pod's IP is
 * read from {@code status.podIPs[0].ip} or, as our records model it, {@code status.podIP}.
 */
final class PodPrinter implements Printer {

  @Override
  public List<Column> columns() {
    return List.of(
        Column.nameColumn(),
        Column.string("Ready", "The aggregate readiness state of this pod for accepting traffic."),
        Column.string("Status", "The aggregate status of the containers in this pod."),
        Column.string("Restarts", "The number of times the containers in this pod have been "
            + "restarted and when the last container in this pod has restarted."),
        Column.ageColumn(),
        Column.wide("IP", "IP address allocated to the pod."),
        Column.wide("Node", "NodeName is the node the pod is scheduled onto."),
        Column.wide("Nominated Node", "The node the scheduler nominated for preemption."),
        Column.wide("Readiness Gates", "Extra conditions a pod must meet to be ready."));
  }

  @Override
  public List<Object> cells(JsonNode pod, Instant now) {
    Summary s = summarize(pod);
    String restarts = String.valueOf(s.restarts());
    if (s.restarts() != 0 && s.lastRestart() != null) {
      restarts = s.restarts() + " (" + HumanDuration.format(
          java.time.Duration.between(s.lastRestart(), now)) + " ago)";
    }
    JsonNode status = pod.path("status");
    String ip = status.path("podIPs").path(0).path("ip").asText("");
    if (ip.isEmpty()) {
      ip = status.path("podIP").asText("");
    }
    List<Object> cells = new ArrayList<>();
    cells.add(pod.path("metadata").path("name").asText(""));
    cells.add(s.ready() + "/" + s.total());
    cells.add(s.reason());
    cells.add(restarts);
    cells.add(HumanDuration.since(pod.path("metadata").path("creationTimestamp").asText(""), now));
    cells.add(orNone(ip));
    cells.add(orNone(pod.path("spec").path("nodeName").asText("")));
    cells.add(orNone(status.path("nominatedNodeName").asText("")));
    cells.add(readinessGates(pod));
    return cells;
  }

  @Override
  public List<RowCondition> conditions(JsonNode pod) {
    return switch (pod.path("status").path("phase").asText("")) {
      case "Succeeded" -> List.of(new RowCondition("Completed", "True", "Succeeded",
          "The pod has completed successfully."));
      case "Failed" -> List.of(new RowCondition("Completed", "True", "Failed", "The pod failed."));
      default -> List.of();
    };
  }

  /** READY as ready/total, STATUS, the restart count and when the last restart ended (or null). */
  record Summary(int ready, int total, String reason, int restarts, Instant lastRestart) {}

  /** The READY, STATUS and RESTARTS of a pod: see the class comment. */
  static Summary summarize(JsonNode pod) {
    // BEGIN EXERCISE 2.7 — derive a pod's READY, STATUS and RESTARTS as kubectl prints them
    throw new UnsupportedOperationException("TODO exercise 2.7: derive a pod's READY, STATUS and RESTARTS as kubectl prints them");
    // END EXERCISE 2.7
  }

  /** A sidecar: an init container with {@code restartPolicy: Always}. */
  private static boolean isRestartable(JsonNode initContainer) {
    return initContainer != null && initContainer.path("restartPolicy").asText("").equals("Always");
  }

  private static JsonNode initContainer(JsonNode spec, String name) {
    for (JsonNode c : spec.path("initContainers")) {
      if (c.path("name").asText("").equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** When the container's previous run ended ({@code lastState.terminated.finishedAt}), or null. */
  private static Instant finishedAt(JsonNode containerStatus) {
    String finished = containerStatus.path("lastState").path("terminated")
        .path("finishedAt").asText("");
    try {
      return finished.isEmpty() ? null : OffsetDateTime.parse(finished).toInstant();
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b != null && b.isAfter(a) ? b : a;
  }

  /** True if the pod has a condition of this type with status True. */
  private static boolean hasCondition(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  private static String readinessGates(JsonNode pod) {
    JsonNode gates = pod.path("spec").path("readinessGates");
    if (gates.isEmpty()) {
      return "<none>";
    }
    int satisfied = 0;
    for (JsonNode gate : gates) {
      if (hasCondition(pod.path("status"), gate.path("conditionType").asText())) {
        satisfied++;
      }
    }
    return satisfied + "/" + gates.size();
  }

  static String orNone(String value) {
    return value.isEmpty() ? "<none>" : value;
  }
}
