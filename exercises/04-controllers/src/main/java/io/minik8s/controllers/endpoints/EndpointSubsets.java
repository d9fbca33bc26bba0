package io.minik8s.controllers.endpoints;

import io.minik8s.objects.api.core.EndpointAddress;
import io.minik8s.objects.api.core.EndpointPort;
import io.minik8s.objects.api.core.EndpointSubset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Packs (address, port) pairs into the fewest subsets: addresses that serve exactly the same set
 * of ports share one subset. The result is sorted, so the same pods always give the same
 * Endpoints object and an unchanged service is not rewritten.
 *
 * <pre>
 *   pod a 10.0.0.1 serves http:8080, metrics:9090      subset { c }    ports { http:8080 }
 *   pod b 10.0.0.2 serves http:8080, metrics:9090  =>  subset { a, b } ports { http:8080,
 *   pod c 10.0.0.3 serves http:8080 (no "metrics")                             metrics:9090 }
 * </pre>
 *
 * <p>Upstream: {@code RepackSubsets} and {@code SortSubsets} in pkg/api/v1/endpoints/util.go.
 * Upstream sorts ports and subsets by a hash of their content; here ports sort by (name, port,
 * protocol) and subsets by their ports, then their first address: the same guarantee (one
 * canonical order), readable by a person.
 */
public final class EndpointSubsets {

  /** Ready and not-ready addresses sort by IP, then by the pod they point to. */
  static final Comparator<EndpointAddress> BY_IP = Comparator
      .comparing(EndpointAddress::ip)
      .thenComparing(a -> a.targetRef() == null || a.targetRef().uid() == null
          ? "" : a.targetRef().uid());

  static final Comparator<EndpointPort> BY_PORT = Comparator
      .comparing((EndpointPort p) -> Objects.toString(p.name(), ""))
      .thenComparing(p -> p.port() == null ? -1 : p.port())
      .thenComparing(p -> Objects.toString(p.protocol(), ""));

  private EndpointSubsets() {}

  /**
   * One address offering one port (or no port: {@code port == null}, a headless service without
   * ports), ready or not.
   */
  public record Entry(EndpointAddress address, EndpointPort port, boolean ready) {}

  /**
   * The canonical subsets for these entries: each address is grouped with every port it offers,
   * addresses with the same port set share a subset, and everything is sorted.
   */
  public static List<EndpointSubset> repack(List<Entry> entries) {
    // BEGIN EXERCISE 4.5 — repack subsets deterministically
    throw new UnsupportedOperationException("TODO exercise 4.5: repack subsets deterministically");
    // END EXERCISE 4.5
  }

  private static String addressKey(EndpointAddress address) {
    String uid = address.targetRef() == null ? null : address.targetRef().uid();
    return address.ip() + "/" + Objects.toString(uid, "");
  }

  private static String portsKey(List<EndpointPort> ports) {
    StringBuilder key = new StringBuilder();
    for (EndpointPort p : ports) {
      key.append(Objects.toString(p.name(), "")).append(':').append(p.port()).append(':')
          .append(Objects.toString(p.protocol(), "")).append(',');
    }
    return key.toString();
  }

  private static String firstIp(EndpointSubset subset) {
    List<EndpointAddress> all = new ArrayList<>(subset.addresses());
    all.addAll(subset.notReadyAddresses());
    return all.stream().map(EndpointAddress::ip).min(Comparator.naturalOrder()).orElse("");
  }
}
