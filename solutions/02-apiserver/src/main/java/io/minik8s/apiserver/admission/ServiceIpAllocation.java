package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Gives a Service its virtual IP and node ports.
 *
 * <ul>
 *   <li>{@code spec.clusterIP} (and {@code spec.clusterIPs}): a free address of the service
 *       CIDR. The network address is never handed out, nor the first host address ({@code
 *       10.96.0.1}), which belongs to the {@code kubernetes} Service; that one may still be
 *       requested by name. {@code None} (a headless Service) is kept. A requested address must be
 *       in the range and free, else 422 Invalid: {@code spec.clusterIPs: Invalid value:
 *       ["10.96.0.10"]: failed to allocate IP 10.96.0.10: provided IP is already allocated}.
 *   <li>{@code NodePort} and {@code LoadBalancer} Services: each port without a {@code nodePort}
 *       gets a free one from the range; a requested one must be free ({@code
 *       spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated}).
 *   <li>On UPDATE, addresses and ports the new object leaves out are kept from the stored one
 *       (kubectl apply sends manifests without them).
 * </ul>
 *
 * <p>Upstream: the service REST storage's allocators (pkg/registry/core/service/storage/alloc.go,
 * ipallocator, portallocator).
 */
public final class ServiceIpAllocation implements MutatingAdmission {

  /*
   * Design: which addresses are taken is DERIVED from the stored Services on every allocation
   * (a list through the registry), instead of kept in memory. So the state survives a restart,
   * two API servers sharing a store see the same allocations, and a deleted Service frees its
   * address with no release step. Upstream instead keeps a bitmap per range in the store (a
   * RangeAllocation object, updated with compare-and-swap) plus a repair controller; that is
   * cheaper for 10,000 Services and closes the race our design leaves open: two servers picking
   * the same free address at the same instant. Starting each search at a seeded random offset
   * (upstream's random-scan strategy) makes that race rare; an exact fix would be a store
   * transaction creating a key per address.
   */

  private final Registries registries;
  private final Ipv4Range range;
  private final int nodePortMin;
  private final int nodePortMax;
  /** Guarded by this: the starting points of searches. */
  private final Random random;

  public ServiceIpAllocation(Registries registries, AdmissionConfig config) {
    this.registries = registries;
    this.range = Ipv4Range.parse(config.serviceCidr());
    this.nodePortMin = config.nodePortMin();
    this.nodePortMax = config.nodePortMax();
    this.random = new Random(config.seed());
  }

  @Override
  public String name() {
    return "ServiceIPAllocation";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isWriteOf(request, "", "services");
  }

  @Override
  public synchronized void admit(AdmissionRequest request) {
    ObjectNode spec = request.object().json().with("spec");
    String type = spec.path("type").asText("ClusterIP");
    if (type.equals("ExternalName")) {
      return;
    }
    if (request.oldObject() != null) {
      keepAllocated(spec, request.oldObject().json().path("spec"));
    }
    Set<String> usedIps = new HashSet<>();
    Set<Integer> usedPorts = new HashSet<>();
    collectUsed(request, usedIps, usedPorts);
    String name = Requests.name(request);
    allocateClusterIp(request, spec, usedIps, name);
    if (type.equals("NodePort") || type.equals("LoadBalancer")) {
      allocateNodePorts(request, spec, usedPorts, name);
    }
  }

  private void allocateClusterIp(AdmissionRequest request, ObjectNode spec, Set<String> used,
      String name) {
    // BEGIN EXERCISE 2.4 — honour a requested ClusterIP if free, else pick a free one from the range
    String requested = spec.path("clusterIP").asText("");
    if (requested.equals("None")) {
      setClusterIps(spec, "None");
      return;
    }
    FieldPath path = FieldPath.of("spec", "clusterIPs");
    if (!requested.isEmpty()) {
      long offset = range.offsetOf(requested);
      String why = null;
      if (offset <= 0 || offset >= range.size() - 1) {
        why = "provided IP is not in the valid range. The range of valid IPs is " + range;
      } else if (used.contains(requested)) {
        why = "provided IP is already allocated";
      }
      if (why != null) {
        throw StatusErrors.invalid(request.type(), name, List.of(FieldError.invalid(path,
            List.of(requested), "failed to allocate IP " + requested + ": " + why)));
      }
      setClusterIps(spec, requested);
      return;
    }
    // usable offsets: 2 .. size-2 (0 is the network, 1 the kubernetes Service, last broadcast)
    long usable = range.size() - 3;
    long start = (long) (random.nextDouble() * usable);
    for (long i = 0; i < usable; i++) {
      String candidate = range.address(2 + (start + i) % usable);
      if (!used.contains(candidate)) {
        setClusterIps(spec, candidate);
        return;
      }
    }
    throw StatusErrors.invalid(request.type(), name, List.of(FieldError.invalid(path, List.of(),
        "failed to allocate a serviceIP: range is full")));
    // END EXERCISE 2.4
  }

  private void allocateNodePorts(AdmissionRequest request, ObjectNode spec, Set<Integer> used,
      String name) {
    // BEGIN EXERCISE 2.4 — give every port of a NodePort Service a free node port
    // Requested (or kept) ports first, so a port allocated for an earlier entry never takes
    // one a later entry asks for.
    List<ObjectNode> toAllocate = new ArrayList<>();
    List<Integer> indexes = new ArrayList<>();
    int index = 0;
    for (JsonNode port : spec.path("ports")) {
      if (port instanceof ObjectNode p) {
        int requested = p.path("nodePort").asInt(0);
        if (requested == 0) {
          toAllocate.add(p);
          indexes.add(index);
        } else {
          String why = requested < nodePortMin || requested > nodePortMax
              ? "provided port is not in the valid range. The range of valid ports is "
                  + nodePortMin + "-" + nodePortMax
              : used.contains(requested) ? "provided port is already allocated" : null;
          if (why != null) {
            throw StatusErrors.invalid(request.type(), name, List.of(FieldError.invalid(
                FieldPath.of("spec", "ports").index(index).child("nodePort"), requested, why)));
          }
          used.add(requested);
        }
      }
      index++;
    }
    int count = nodePortMax - nodePortMin + 1;
    for (int k = 0; k < toAllocate.size(); k++) {
      int start = random.nextInt(count);
      int chosen = -1;
      for (int i = 0; i < count && chosen < 0; i++) {
        int candidate = nodePortMin + (start + i) % count;
        if (!used.contains(candidate)) {
          chosen = candidate;
        }
      }
      if (chosen < 0) {
        throw StatusErrors.invalid(request.type(), name, List.of(FieldError.invalid(
            FieldPath.of("spec", "ports").index(indexes.get(k)).child("nodePort"), 0,
            "failed to allocate a nodePort: range is full")));
      }
      toAllocate.get(k).put("nodePort", chosen);
      used.add(chosen);
    }
    // END EXERCISE 2.4
  }

  /** The addresses and node ports of every stored Service except the one being written. */
  private void collectUsed(AdmissionRequest request, Set<String> ips, Set<Integer> ports) {
    for (Unstructured svc : registries.forType(request.type()).list("", ListOptions.all())
        .items()) {
      if (svc.namespace().equals(request.namespace()) && svc.name().equals(Requests.name(request))) {
        continue;
      }
      JsonNode spec = svc.json().path("spec");
      String ip = spec.path("clusterIP").asText("");
      if (!ip.isEmpty() && !ip.equals("None")) {
        ips.add(ip);
      }
      spec.path("clusterIPs").forEach(i -> ips.add(i.asText()));
      spec.path("ports").forEach(p -> {
        if (p.path("nodePort").asInt(0) != 0) {
          ports.add(p.path("nodePort").asInt());
        }
      });
    }
  }

  /** On update: what the client left out and the stored Service has, stays. */
  private static void keepAllocated(ObjectNode spec, JsonNode old) {
    if (spec.path("clusterIP").asText("").isEmpty() && !old.path("clusterIP").asText("").isEmpty()) {
      spec.put("clusterIP", old.path("clusterIP").asText());
    }
    for (JsonNode port : spec.path("ports")) {
      if (port instanceof ObjectNode p && p.path("nodePort").asInt(0) == 0) {
        for (JsonNode oldPort : old.path("ports")) {
          if (oldPort.path("port").asInt() == p.path("port").asInt()
              && oldPort.path("protocol").asText("TCP").equals(p.path("protocol").asText("TCP"))
              && oldPort.path("nodePort").asInt(0) != 0) {
            p.put("nodePort", oldPort.path("nodePort").asInt());
          }
        }
      }
    }
  }

  private static void setClusterIps(ObjectNode spec, String ip) {
    spec.put("clusterIP", ip);
    ArrayNode ips = spec.putArray("clusterIPs");
    ips.add(ip);
    if (!ip.equals("None") && !spec.has("ipFamilies")) {
      spec.putArray("ipFamilies").add("IPv4");
      spec.put("ipFamilyPolicy", "SingleStack");
    }
  }
}
