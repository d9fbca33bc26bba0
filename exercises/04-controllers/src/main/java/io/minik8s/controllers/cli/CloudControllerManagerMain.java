package io.minik8s.controllers.cli;

import io.minik8s.controllers.cloud.fake.FakeCloud;
import io.minik8s.controllers.manager.ControllerTable;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course run cloud-controller-manager}: cloud-controller-manager's command line, on the
 * in-memory fake cloud (the only provider the course has). Prints
 * {@code listening on 127.0.0.1:PORT} first and runs until killed.
 */
@Command(
    name = "cloud-controller-manager",
    mixinStandardHelpOptions = true,
    version = "minik8s cloud-controller-manager (Kubernetes v1.33)",
    description = {
      "cloud-controller-manager: the control loops that talk to the cloud:",
      "load balancers for LoadBalancer Services, deleting nodes whose machine",
      "is gone, routes to pod CIDRs. Serves /healthz, /readyz and /leaderz;",
      "prints 'listening on 127.0.0.1:PORT' first."
    })
public final class CloudControllerManagerMain extends ManagerCommand {

  @Option(names = "--port", defaultValue = "10258",
      description = "Health endpoint port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--cloud-provider", defaultValue = "fake",
      description = "The cloud to drive; only 'fake' (in memory) exists (default: ${DEFAULT-VALUE}).")
  String cloudProvider;

  @Option(names = "--cluster-name", defaultValue = "kubernetes",
      description = "Prefix of the cloud resources this cluster owns (default: ${DEFAULT-VALUE}).")
  String clusterName;

  @Override
  String component() {
    return "cloud-controller-manager";
  }

  @Override
  int port() {
    return port;
  }

  @Override
  Map<String, ControllerTable.Factory> table() {
    if (!FakeCloud.PROVIDER_NAME.equals(cloudProvider)) {
      throw new IllegalArgumentException("unknown --cloud-provider \"" + cloudProvider
          + "\"; the only provider is " + FakeCloud.PROVIDER_NAME);
    }
    FakeCloud cloud = new FakeCloud();
    // Every node the kubelets register runs on a machine of this fake cloud: without this, the
    // cloud node lifecycle controller would delete any node that is briefly not Ready.
    cloud.setUnknownInstancesExist(true);
    return ControllerTable.cloudControllerManager(cloud, clusterName);
  }

  public static void main(String[] args) {
    System.exit(execute("cloud-controller-manager", new CloudControllerManagerMain(), args));
  }
}
