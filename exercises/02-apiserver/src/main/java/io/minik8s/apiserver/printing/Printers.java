package io.minik8s.apiserver.printing;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The printer of each resource, keyed by group-resource ({@code pods}, {@code deployments.apps}),
 * with the columns and cell rules of upstream's printers.go; {@link #forResource} falls back to
 * {@code NAME AGE}.
 *
 * <p>Upstream: {@code AddHandlers} in k8s.io/kubernetes/pkg/printers/internalversion/printers.go.
 * Upstream's fallback for kinds without a printer (the {@code DefaultTableConvertor}) shows
 * {@code NAME CREATED AT}; we print the friendlier {@code NAME AGE} that kubectl prints for
 * client-side tables.
 */
public final class Printers {

  private static final Map<String, Printer> BY_RESOURCE = Map.ofEntries(
      Map.entry("pods", new PodPrinter()),
      Map.entry("deployments.apps", simple(List.of(
          Column.nameColumn(),
          Column.string("Ready", "Number of the pod with ready state"),
          Column.string("Up-to-date", "Total number of non-terminated pods targeted by this "
              + "deployment that have the desired template spec."),
          Column.string("Available", "Total number of available pods targeted by this deployment."),
          Column.ageColumn(),
          Column.wide("Containers", "Names of each container in the template."),
          Column.wide("Images", "Images referenced by each container in the template."),
          Column.wide("Selector", "Label selector for pods.")),
          (o, now) -> {
            JsonNode status = o.path("status");
            List<Object> cells = new ArrayList<>();
            cells.add(name(o));
            cells.add(status.path("readyReplicas").asLong(0) + "/"
                + o.path("spec").path("replicas").asLong(0));
            cells.add(status.path("updatedReplicas").asLong(0));
            cells.add(status.path("availableReplicas").asLong(0));
            cells.add(age(o, now));
            cells.addAll(templateCells(o));
            return cells;
          })),
      Map.entry("replicasets.apps", simple(List.of(
          Column.nameColumn(),
          Column.integer("Desired", "Replicas is the number of desired pods."),
          Column.integer("Current", "Replicas is the most recently observed number of replicas."),
          Column.integer("Ready", "The number of pods targeted by this ReplicaSet with a Ready "
              + "Condition."),
          Column.ageColumn(),
          Column.wide("Containers", "Names of each container in the template."),
          Column.wide("Images", "Images referenced by each container in the template."),
          Column.wide("Selector", "Label selector for pods.")),
          (o, now) -> {
            List<Object> cells = new ArrayList<>();
            cells.add(name(o));
            cells.add(o.path("spec").path("replicas").asLong(0));
            cells.add(o.path("status").path("replicas").asLong(0));
            cells.add(o.path("status").path("readyReplicas").asLong(0));
            cells.add(age(o, now));
            cells.addAll(templateCells(o));
            return cells;
          })),
      Map.entry("jobs.batch", simple(List.of(
          Column.nameColumn(),
          Column.string("Status", "Status of the job."),
          Column.string("Completions", "The number of pods which reached phase Succeeded."),
          Column.string("Duration", "Time required to complete the job."),
          Column.ageColumn(),
          Column.wide("Containers", "Names of each container in the template."),
          Column.wide("Images", "Images referenced by each container in the template."),
          Column.wide("Selector", "Label selector for pods.")),
          Printers::jobCells)),
      Map.entry("services", simple(List.of(
          Column.nameColumn(),
          Column.string("Type", "Type determines how the Service is exposed."),
          Column.string("Cluster-IP", "The IP address of the service."),
          Column.string("External-IP", "The external addresses of the service."),
          Column.string("Port(s)", "The list of ports that are exposed by this service."),
          Column.ageColumn(),
          Column.wide("Selector", "Route service traffic to pods with these labels.")),
          Printers::serviceCells)),
      Map.entry("nodes", simple(List.of(
          Column.nameColumn(),
          Column.string("Status", "The status of the node"),
          Column.string("Roles", "The roles of the node"),
          Column.ageColumn(),
          Column.string("Version", "Kubelet Version reported by the node."),
          Column.wide("Internal-IP", "The node's internal address."),
          Column.wide("External-IP", "The node's external address."),
          Column.wide("OS-Image", "OS Image reported by the node."),
          Column.wide("Kernel-Version", "Kernel Version reported by the node."),
          Column.wide("Container-Runtime", "ContainerRuntime Version reported by the node.")),
          Printers::nodeCells)),
      Map.entry("namespaces", simple(List.of(
          Column.nameColumn(), Column.string("Status", "The status of the namespace"), Column.ageColumn()),
          (o, now) -> List.of(name(o), o.path("status").path("phase").asText(""), age(o, now)))),
      Map.entry("configmaps", simple(List.of(
          Column.nameColumn(), Column.string("Data", "Number of data entries."), Column.ageColumn()),
          (o, now) -> List.of(name(o),
              (long) (o.path("data").size() + o.path("binaryData").size()), age(o, now)))),
      Map.entry("secrets", simple(List.of(
          Column.nameColumn(), Column.string("Type", "Used to facilitate programmatic handling of "
              + "secret data."), Column.string("Data", "Number of data entries."), Column.ageColumn()),
          (o, now) -> List.of(name(o), o.path("type").asText(""),
              (long) o.path("data").size(), age(o, now)))),
      Map.entry("serviceaccounts", simple(List.of(
          Column.nameColumn(), Column.string("Secrets", "Number of secrets."), Column.ageColumn()),
          (o, now) -> List.of(name(o), (long) o.path("secrets").size(), age(o, now)))),
      Map.entry("endpoints", simple(List.of(
          Column.nameColumn(), Column.string("Endpoints", "The set of all endpoints."), Column.ageColumn()),
          (o, now) -> List.of(name(o), endpoints(o), age(o, now)))),
      Map.entry("leases.coordination.k8s.io", simple(List.of(
          Column.nameColumn(), Column.string("Holder", "The holder of the lease."), Column.ageColumn()),
          (o, now) -> List.of(name(o), o.path("spec").path("holderIdentity").asText(""),
              age(o, now)))),
      Map.entry("events", simple(List.of(
          Column.string("Last Seen", "The time at which the most recent occurrence was recorded."),
          Column.string("Type", "Type of this event (Normal, Warning)."),
          Column.string("Reason", "Why the action was taken."),
          Column.string("Object", "The object this event is about."),
          Column.wide("Subobject", "The part of the object this event is about."),
          Column.wide("Source", "The component reporting this event."),
          Column.string("Message", "A human-readable description of the status."),
          Column.wide("First Seen", "The time at which the event was first recorded."),
          Column.wide("Count", "The number of times this event has occurred."),
          new Column("Name", "string", "name", "Name must be unique within a namespace.", 1)),
          Printers::eventCells)));

  private static final Printer DEFAULT = simple(List.of(Column.nameColumn(), Column.ageColumn()),
      (o, now) -> List.of(name(o), age(o, now)));

  private Printers() {}

  /** The printer for a group-resource ({@code pods}, {@code deployments.apps}), else NAME AGE. */
  public static Printer forResource(String groupResource) {
    return BY_RESOURCE.getOrDefault(groupResource, DEFAULT);
  }

  private static Printer simple(List<Column> columns,
      BiFunction<JsonNode, Instant, List<Object>> cells) {
    return new Printer() {
      @Override
      public List<Column> columns() {
        return columns;
      }

      @Override
      public List<Object> cells(JsonNode object, Instant now) {
        return cells.apply(object, now);
      }
    };
  }

  static String name(JsonNode o) {
    return o.path("metadata").path("name").asText("");
  }

  static String age(JsonNode o, Instant now) {
    return HumanDuration.since(o.path("metadata").path("creationTimestamp").asText(""), now);
  }

  /** CONTAINERS, IMAGES and SELECTOR of a workload's pod template (upstream layoutContainerCells). */
  private static List<Object> templateCells(JsonNode o) {
    List<String> names = new ArrayList<>();
    List<String> images = new ArrayList<>();
    for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
      names.add(c.path("name").asText(""));
      images.add(c.path("image").asText(""));
    }
    return List.of(String.join(",", names), String.join(",", images),
        labelSelector(o.path("spec").path("selector")));
  }

  /** A label selector as {@code metav1.FormatLabelSelector} writes it: {@code app=web,tier in (a,b)}. */
  static String labelSelector(JsonNode selector) {
    if (selector.isMissingNode() || selector.isNull()) {
      return "<none>";
    }
    List<String> parts = new ArrayList<>();
    new TreeMap<String, String>(toMap(selector.path("matchLabels")))
        .forEach((k, v) -> parts.add(k + "=" + v));
    for (JsonNode req : selector.path("matchExpressions")) {
      String key = req.path("key").asText();
      List<String> values = new ArrayList<>();
      req.path("values").forEach(v -> values.add(v.asText()));
      String op = req.path("operator").asText();
      switch (op) {
        case "In" -> parts.add(key + " in (" + String.join(",", new TreeSet<>(values)) + ")");
        case "NotIn" -> parts.add(key + " notin (" + String.join(",", new TreeSet<>(values)) + ")");
        case "Exists" -> parts.add(key);
        case "DoesNotExist" -> parts.add("!" + key);
        default -> parts.add(key + " " + op);
      }
    }
    String s = String.join(",", parts);
    return s.isEmpty() ? "<none>" : s;
  }

  private static Map<String, String> toMap(JsonNode object) {
    Map<String, String> map = new TreeMap<>();
    object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
    return map;
  }

  /** Upstream printJob: Complete/Failed/Terminating/Suspended/FailureTarget/Running. */
  private static List<Object> jobCells(JsonNode o, Instant now) {
    JsonNode spec = o.path("spec");
    JsonNode status = o.path("status");
    long succeeded = status.path("succeeded").asLong(0);
    String completions;
    if (spec.has("completions") && !spec.path("completions").isNull()) {
      completions = succeeded + "/" + spec.path("completions").asLong();
    } else {
      long parallelism = spec.path("parallelism").asLong(0);
      completions = parallelism > 1 ? succeeded + "/1 of " + parallelism : succeeded + "/1";
    }
    String started = status.path("startTime").asText("");
    String completed = status.path("completionTime").asText("");
    String duration = "";
    if (!started.isEmpty()) {
      Instant start = java.time.OffsetDateTime.parse(started).toInstant();
      Instant end = completed.isEmpty() ? now : java.time.OffsetDateTime.parse(completed).toInstant();
      duration = HumanDuration.format(java.time.Duration.between(start, end));
    }
    String state;
    if (jobCondition(status, "Complete")) {
      state = "Complete";
    } else if (jobCondition(status, "Failed")) {
      state = "Failed";
    } else if (!o.path("metadata").path("deletionTimestamp").asText("").isEmpty()) {
      state = "Terminating";
    } else if (jobCondition(status, "Suspended")) {
      state = "Suspended";
    } else if (jobCondition(status, "FailureTarget")) {
      state = "FailureTarget";
    } else {
      state = "Running";
    }
    List<Object> cells = new ArrayList<>(List.of(name(o), state, completions, duration, age(o, now)));
    cells.addAll(templateCells(o));
    return cells;
  }

  private static boolean jobCondition(JsonNode status, String type) {
    for (JsonNode c : status.path("conditions")) {
      if (c.path("type").asText().equals(type)) {
        return c.path("status").asText().equals("True");
      }
    }
    return false;
  }

  /** Upstream printService with getServiceExternalIP and makePortString. */
  private static List<Object> serviceCells(JsonNode o, Instant now) {
    JsonNode spec = o.path("spec");
    String type = spec.path("type").asText("");
    String clusterIp = spec.path("clusterIPs").path(0).asText(spec.path("clusterIP").asText(""));
    List<String> externalIps = new ArrayList<>();
    spec.path("externalIPs").forEach(ip -> externalIps.add(ip.asText()));
    String external = switch (type) {
      case "ClusterIP", "NodePort" -> externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
      case "LoadBalancer" -> {
        List<String> all = new ArrayList<>();
        for (JsonNode ingress : o.path("status").path("loadBalancer").path("ingress")) {
          String ip = ingress.path("ip").asText("");
          all.add(ip.isEmpty() ? ingress.path("hostname").asText("") : ip);
        }
        all.addAll(externalIps);
        yield all.isEmpty() ? "<pending>" : String.join(",", all);
      }
      case "ExternalName" -> spec.path("externalName").asText("");
      default -> "<unknown>";
    };
    List<String> ports = new ArrayList<>();
    for (JsonNode p : spec.path("ports")) {
      String protocol = p.path("protocol").asText("TCP");
      long nodePort = p.path("nodePort").asLong(0);
      ports.add(p.path("port").asLong() + (nodePort > 0 ? ":" + nodePort : "") + "/" + protocol);
    }
    List<String> selector = new ArrayList<>();
    toMap(spec.path("selector")).forEach((k, v) -> selector.add(k + "=" + v));
    return List.of(name(o), type, PodPrinter.orNone(clusterIp), external,
        ports.isEmpty() ? "<none>" : String.join(",", ports), age(o, now),
        selector.isEmpty() ? "<none>" : String.join(",", selector));
  }

  /** Upstream printNode: Ready/NotReady/Unknown, SchedulingDisabled, roles from labels. */
  private static List<Object> nodeCells(JsonNode o, Instant now) {
    String status = "Unknown";
    for (JsonNode c : o.path("status").path("conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        status = c.path("status").asText().equals("True") ? "Ready" : "NotReady";
      }
    }
    if (o.path("spec").path("unschedulable").asBoolean(false)) {
      status += ",SchedulingDisabled";
    }
    TreeSet<String> roles = new TreeSet<>();
    toMap(o.path("metadata").path("labels")).forEach((k, v) -> {
      if (k.startsWith("node-role.kubernetes.io/") && k.length() > 24) {
        roles.add(k.substring(24));
      } else if (k.equals("kubernetes.io/role") && !v.isEmpty()) {
        roles.add(v);
      }
    });
    JsonNode info = o.path("status").path("nodeInfo");
    return List.of(name(o), status, roles.isEmpty() ? "<none>" : String.join(",", roles),
        age(o, now), info.path("kubeletVersion").asText(""),
        address(o, "InternalIP"), address(o, "ExternalIP"),
        unknownIfEmpty(info.path("osImage").asText("")),
        unknownIfEmpty(info.path("kernelVersion").asText("")),
        unknownIfEmpty(info.path("containerRuntimeVersion").asText("")));
  }

  private static String address(JsonNode node, String type) {
    for (JsonNode a : node.path("status").path("addresses")) {
      if (a.path("type").asText().equals(type)) {
        return a.path("address").asText();
      }
    }
    return "<none>";
  }

  private static String unknownIfEmpty(String s) {
    return s.isEmpty() ? "<unknown>" : s;
  }

  /** Upstream formatEndpoints: up to three ip:port, then "+ N more...". */
  private static String endpoints(JsonNode o) {
    List<String> list = new ArrayList<>();
    int count = 0;
    for (JsonNode subset : o.path("subsets")) {
      JsonNode ports = subset.path("ports");
      if (ports.isEmpty()) {
        for (JsonNode a : subset.path("addresses")) {
          count++;
          if (list.size() < 3) {
            list.add(a.path("ip").asText());
          }
        }
        continue;
      }
      for (JsonNode p : ports) {
        for (JsonNode a : subset.path("addresses")) {
          count++;
          if (list.size() < 3) {
            String ip = a.path("ip").asText();
            list.add((ip.contains(":") ? "[" + ip + "]" : ip) + ":" + p.path("port").asLong());
          }
        }
      }
    }
    if (list.isEmpty()) {
      return "<none>";
    }
    String s = String.join(",", list);
    return count > 3 ? s + " + " + (count - 3) + " more..." : s;
  }

  /** Upstream printEvent. */
  private static List<Object> eventCells(JsonNode o, Instant now) {
    String first = o.path("firstTimestamp").asText("");
    String firstSeen = first.isEmpty()
        ? HumanDuration.since(o.path("eventTime").asText(""), now)
        : HumanDuration.since(first, now);
    String last = o.path("lastTimestamp").asText("");
    String lastSeen = last.isEmpty() ? firstSeen : HumanDuration.since(last, now);
    long count = o.path("count").asLong(0);
    if (o.path("series").isObject()) {
      lastSeen = HumanDuration.since(o.path("series").path("lastObservedTime").asText(""), now);
      count = o.path("series").path("count").asLong(0);
    } else if (count == 0) {
      count = 1;
    }
    JsonNode involved = o.path("involvedObject");
    String kind = involved.path("kind").asText("").toLowerCase(java.util.Locale.ROOT);
    String target = involved.path("name").asText("").isEmpty()
        ? kind : kind + "/" + involved.path("name").asText();
    String component = firstNonEmpty(o.path("source").path("component").asText(""),
        o.path("reportingComponent").asText(""));
    String instance = firstNonEmpty(o.path("source").path("host").asText(""),
        o.path("reportingInstance").asText(""));
    String source = instance.isEmpty() ? component : component + ", " + instance;
    return List.of(lastSeen, o.path("type").asText(""), o.path("reason").asText(""), target,
        involved.path("fieldPath").asText(""), source, o.path("message").asText("").strip(),
        firstSeen, count, name(o));
  }

  private static String firstNonEmpty(String a, String b) {
    return a.isEmpty() ? b : a;
  }
}
