package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.quantity.Quantity;
import io.minik8s.objects.scheme.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Refuses a new pod that would push its namespace past a ResourceQuota's {@code spec.hard}.
 * Tracked: {@code pods} (count of pods not yet Succeeded or Failed), {@code requests.cpu},
 * {@code requests.memory} (also spelled {@code cpu}, {@code memory}), {@code limits.cpu},
 * {@code limits.memory}, each the sum over the pod's containers. The answer is 403 Forbidden,
 * word for word upstream's:
 *
 * <pre>
 * pods "web" is forbidden: exceeded quota: compute, requested: pods=1, used: pods=2, limited: pods=2
 * pods "web" is forbidden: failed quota: compute: must specify requests.cpu
 * </pre>
 *
 * listing only the exceeded resources, sorted by name, as {@code name=quantity}. The second
 * form is for a pod that does not say how much of a constrained resource it needs.
 *
 * <p>Upstream: plugin/pkg/admission/resourcequota/controller.go ({@code checkRequest}, {@code
 * prettyPrint}) with the pod evaluator in pkg/quota/v1/evaluator/core/pods.go.
 */
public final class ResourceQuotaAdmission implements ValidatingAdmission {

  /*
   * Design: "used" is summed from the stored pods on every create. Upstream reads it from the
   * quota's status.used, which the resource quota controller keeps current, and bumps it with a
   * compare-and-swap in the same admission step, so concurrent creates cannot both squeeze under
   * the limit. Until the course has that controller, recomputing is simple and exact for one
   * writer at a time.
   */

  private final Registries registries;
  private final ResourceType quotas = Requests.builtIn("", "resourcequotas");

  public ResourceQuotaAdmission(Registries registries) {
    this.registries = registries;
  }

  @Override
  public String name() {
    return "ResourceQuota";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isMain(request, "", "pods") && request.operation() == Operation.CREATE;
  }

  @Override
  public void validate(AdmissionRequest request) {
    List<Unstructured> quotaList =
        registries.forType(quotas).list(request.namespace(), ListOptions.all()).items();
    if (quotaList.isEmpty()) {
      return;
    }
    Map<String, Quantity> requested = usage(request.object().json());
    Map<String, Quantity> used = new TreeMap<>();
    for (Unstructured pod : registries.forType(request.type())
        .list(request.namespace(), ListOptions.all()).items()) {
      String phase = pod.at("status.phase").asText("");
      if (!phase.equals("Succeeded") && !phase.equals("Failed")) {
        usage(pod.json()).forEach((k, v) -> used.merge(k, v, Quantity::add));
      }
    }
    for (Unstructured quota : quotaList) {
      check(request, quota, requested, used);
    }
  }

  /** Throws 403 if adding {@code requested} to {@code used} exceeds one of the quota's limits. */
  private static void check(AdmissionRequest request, Unstructured quota,
      Map<String, Quantity> requested, Map<String, Quantity> used) {
    // BEGIN EXERCISE 2.4 — compare used + requested with every hard limit; upstream's message
    throw new UnsupportedOperationException("TODO exercise 2.4: compare used + requested with every hard limit; upstream's message");
    // END EXERCISE 2.4
  }

  /** What one pod counts against a quota: pods=1 and its containers' summed requests and limits. */
  static Map<String, Quantity> usage(JsonNode pod) {
    Map<String, Quantity> usage = new TreeMap<>();
    usage.put("pods", Quantity.parse("1"));
    for (JsonNode container : pod.path("spec").path("containers")) {
      for (String kind : new String[] {"requests", "limits"}) {
        container.path("resources").path(kind).fields().forEachRemaining(e -> {
          if (e.getKey().equals("cpu") || e.getKey().equals("memory")) {
            usage.merge(kind + "." + e.getKey(), Quantity.parse(e.getValue().asText()),
                Quantity::add);
          }
        });
      }
    }
    return usage;
  }

  /** {@code cpu} and {@code memory} in a quota mean their requests. */
  private static String canonical(String resource) {
    return resource.equals("cpu") || resource.equals("memory") ? "requests." + resource : resource;
  }

  /** {@code a=1,b=2}, sorted by name (upstream's prettyPrint). */
  private static String pretty(Map<String, Quantity> items) {
    List<String> parts = new ArrayList<>();
    items.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(",", parts);
  }
}
