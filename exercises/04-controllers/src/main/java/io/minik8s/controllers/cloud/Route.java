package io.minik8s.controllers.cloud;

/**
 * One route: traffic for {@code destinationCidr} goes to the node {@code targetNode}
 * (upstream's {@code cloudprovider.Route}).
 *
 * @param name the cloud's name for the route ({@code null} before it is created)
 * @param targetNode the node's name
 * @param destinationCidr the node's pod CIDR, e.g. {@code 10.244.1.0/24}
 */
public record Route(String name, String targetNode, String destinationCidr) {

  /** A route to be created (the cloud names it). */
  public static Route to(String targetNode, String destinationCidr) {
    return new Route(null, targetNode, destinationCidr);
  }
}
