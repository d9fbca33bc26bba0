package io.minik8s.controllers.cloud;

import java.util.List;

/**
 * What one route reconciliation does: the routes to create (one per node pod CIDR without a
 * route) and the routes to delete (their node is gone, or no longer has that CIDR).
 */
public record RoutePlan(List<Route> toCreate, List<Route> toDelete) {

  public RoutePlan {
    toCreate = List.copyOf(toCreate);
    toDelete = List.copyOf(toDelete);
  }
}
