package io.minik8s.controllers.cli;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.config.Kubeconfig;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.controllers.manager.ControllerManager;
import io.minik8s.controllers.manager.ControllerSelection;
import io.minik8s.controllers.manager.ControllerTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What both managers' command lines share: the flags, loading the kubeconfig, choosing the
 * controllers, and serving until killed. Subclasses name the component and give its table.
 */
abstract class ManagerCommand implements Callable<Integer> {

  @Option(names = "--kubeconfig", required = true, paramLabel = "FILE",
      description = "The kubeconfig to reach the API server with.")
  Path kubeconfig;

  @Option(names = "--controllers", split = ",", defaultValue = "*", paramLabel = "NAME",
      description = "Controllers to run: '*' means all, 'name' enables one, '-name' disables "
          + "one (default: ${DEFAULT-VALUE}).")
  List<String> controllers;

  @Option(names = "--workers", defaultValue = "5",
      description = "Worker threads per controller (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(names = "--leader-elect", defaultValue = "true", arity = "1",
      description = "Run only while holding the Lease kube-system/<component>, so replicas can "
          + "stand by (default: ${DEFAULT-VALUE}).")
  boolean leaderElect;

  @Option(names = "-v", description = "Print stack traces of errors.")
  boolean verbose;

  /** kube-controller-manager or cloud-controller-manager: the Lease's name. */
  abstract String component();

  /** The health port flag's value. */
  abstract int port();

  /** Every controller this manager can run, by name. */
  abstract Map<String, ControllerTable.Factory> table();

  @Override
  public Integer call() throws Exception {
    Map<String, ControllerTable.Factory> table = table();
    List<String> names = ControllerSelection.enabled(controllers, table.keySet());
    Map<String, ControllerTable.Factory> chosen = new LinkedHashMap<>();
    names.forEach(n -> chosen.put(n, table.get(n)));
    KubeClient client = new RestKubeClient(loadKubeconfig());
    ControllerManager manager = ControllerManager.builder(client, component())
        .controllers(chosen)
        .workers(workers)
        .leaderElect(leaderElect)
        .healthPort(port())
        .onLostLeadership(() -> {
          System.err.println(component() + ": lost the leader Lease; exiting so that only one "
              + "manager acts");
          System.exit(1);
        })
        .build()
        .start();
    System.out.println("listening on 127.0.0.1:" + manager.healthPort());
    System.out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      manager.close();
      stopped.countDown();
    }, component() + "-shutdown"));
    stopped.await();
    return 0;
  }

  private ClientConfig loadKubeconfig() {
    if (!Files.isReadable(kubeconfig)) {
      throw new IllegalArgumentException("cannot read kubeconfig " + kubeconfig
          + ": no such readable file; pass the file the API server wrote with --kubeconfig-out");
    }
    try {
      return Kubeconfig.load(kubeconfig);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot use kubeconfig " + kubeconfig + ": "
          + e.getMessage(), e);
    }
  }

  /** Runs a command the way every component does: one-sentence errors, traces with -v. */
  static int execute(String name, Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      cmd.getErr().println(name + ": " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
      if (parsed.originalArgs().contains("-v")) {
        ex.printStackTrace(cmd.getErr());
      }
      return 1;
    });
    return cli.execute(args);
  }
}
