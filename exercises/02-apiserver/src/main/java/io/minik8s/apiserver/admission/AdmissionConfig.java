package io.minik8s.apiserver.admission;

/**
 * Settings of the built-in admission plugins.
 *
 * @param serviceCidr the IPv4 range ClusterIPs come from, e.g. {@code 10.96.0.0/12} (upstream
 *     {@code --service-cluster-ip-range})
 * @param nodePortMin the lowest NodePort (upstream {@code --service-node-port-range} 30000-32767)
 * @param nodePortMax the highest NodePort, inclusive
 * @param seed drives the allocators' random starting points, so a test run is repeatable (give
 *     two API servers different seeds so their concurrent picks rarely meet)
 */
public record AdmissionConfig(String serviceCidr, int nodePortMin, int nodePortMax, long seed) {

  public AdmissionConfig {
    if (nodePortMin > nodePortMax) {
      throw new IllegalArgumentException(
          "node port range " + nodePortMin + "-" + nodePortMax + " is empty");
    }
    Ipv4Range.parse(serviceCidr); // fail at startup, not at the first Service
  }

  /** Kubernetes' defaults: {@code 10.96.0.0/12}, ports 30000–32767, seed 1. */
  public static AdmissionConfig defaults() {
    return new AdmissionConfig("10.96.0.0/12", 30000, 32767, 1);
  }
}
