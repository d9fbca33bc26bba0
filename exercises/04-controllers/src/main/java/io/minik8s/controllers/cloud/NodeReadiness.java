package io.minik8s.controllers.cloud;

import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.meta.Condition;

/** Whether a node's kubelet reports it {@code Ready}: both cloud controllers ask it of every node. */
final class NodeReadiness {

  private NodeReadiness() {}

  static boolean isReady(Node node) {
    return node.status() != null
        && Condition.find(node.status().conditions(), "Ready").map(Condition::isTrue).orElse(false);
  }
}
