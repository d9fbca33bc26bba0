package io.minik8s.controllers.cloud;

import io.minik8s.objects.api.core.LoadBalancerStatus;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Service;
import java.util.List;
import java.util.Optional;

/**
 * External load balancers for {@code type: LoadBalancer} Services (upstream's
 * {@code cloudprovider.LoadBalancer}). A load balancer is identified by the Service's namespace
 * and name (upstream derives a name from its UID); every method is idempotent and may fail with a
 * {@link CloudException}.
 */
public interface LoadBalancers {

  /** The status of the Service's load balancer, empty if there is none. */
  Optional<LoadBalancerStatus> get(String clusterName, Service service);

  /**
   * Creates the load balancer if missing, or brings it up to date: it forwards the Service's
   * ports to their node ports on {@code nodes}. Returns its addresses.
   */
  LoadBalancerStatus ensure(String clusterName, Service service, List<Node> nodes);

  /** Changes only the hosts of an existing load balancer (the node set changed). */
  void updateHosts(String clusterName, Service service, List<Node> nodes);

  /** Deletes the load balancer; succeeds if there is none. */
  void ensureDeleted(String clusterName, Service service);
}
