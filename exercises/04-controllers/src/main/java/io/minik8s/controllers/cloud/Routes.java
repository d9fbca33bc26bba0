package io.minik8s.controllers.cloud;

import java.util.List;

/**
 * The cloud network's routes that send a node's pod CIDR to that node (upstream's
 * {@code cloudprovider.Routes}): with them, pod IPs are reachable across nodes without an
 * overlay network.
 */
public interface Routes {

  /** Every route of the cluster. */
  List<Route> list(String clusterName);

  /** Creates a route; {@code nameHint} (the node's UID upstream) may name it. */
  void create(String clusterName, String nameHint, Route route);

  /** Deletes a route; succeeds if it is gone already. */
  void delete(String clusterName, Route route);
}
