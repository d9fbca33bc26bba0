package io.minik8s.controllers.cli;

import io.minik8s.controllers.manager.ControllerTable;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course run controller-manager}: kube-controller-manager's command line. Prints
 * {@code listening on 127.0.0.1:PORT} (its health endpoint) first and runs until killed.
 */
@Command(
    name = "controller-manager",
    mixinStandardHelpOptions = true,
    version = "minik8s controller-manager (Kubernetes v1.33)",
    description = {
      "kube-controller-manager: the control loops that make the cluster match",
      "its objects (ReplicaSet, Deployment, Job, node lifecycle, Endpoints,",
      "Namespace, ServiceAccount, garbage collector). Serves /healthz, /readyz",
      "and /leaderz; prints 'listening on 127.0.0.1:PORT' first."
    })
public final class ControllerManagerMain extends ManagerCommand {

  @Option(names = "--port", defaultValue = "10257",
      description = "Health endpoint port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Override
  String component() {
    return "kube-controller-manager";
  }

  @Override
  int port() {
    return port;
  }

  @Override
  Map<String, ControllerTable.Factory> table() {
    return ControllerTable.kubeControllerManager();
  }

  public static void main(String[] args) {
    System.exit(execute("controller-manager", new ControllerManagerMain(), args));
  }
}
