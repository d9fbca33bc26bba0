package io.minik8s.controllers.cloud;

import io.minik8s.objects.api.core.Node;

/**
 * The machines behind nodes (upstream's {@code cloudprovider.InstancesV2}). A node is found by
 * {@code spec.providerID} when set, else by its name.
 */
public interface Instances {

  /** Whether the node's machine still exists; false once it was terminated. */
  boolean instanceExists(Node node);

  /** Whether the node's machine exists but is powered off. */
  boolean instanceShutdown(Node node);
}
