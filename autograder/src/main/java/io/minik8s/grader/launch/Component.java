package io.minik8s.grader.launch;

import java.util.List;
import java.util.Optional;

/**
 * A runnable piece of the cluster: which module holds it and its main class. Every component
 * starts the same way, {@code ./course run <name> [flags]}, and explains its flags with
 * {@code --help}.
 */
public record Component(String name, String module, String mainClass, String description) {

  public static final List<Component> ALL =
      List.of(
          new Component("store", "01-store", "io.minik8s.store.cli.StoreMain",
              "the etcd-like store: serve its etcd v3 JSON API, or snapshot save/restore"),
          new Component("apiserver", "02-apiserver", "io.minik8s.apiserver.cli.ApiServerMain",
              "the API server on the embedded store, our store server or etcd; real kubectl talks to it"),
          new Component("controller-manager", "04-controllers",
              "io.minik8s.controllers.cli.ControllerManagerMain",
              "kube-controller-manager: ReplicaSet, Deployment, Job, node lifecycle, Endpoints, Namespace, ServiceAccount, GC"),
          new Component("cloud-controller-manager", "04-controllers",
              "io.minik8s.controllers.cli.CloudControllerManagerMain",
              "cloud-controller-manager on a fake cloud: load balancers, cloud node lifecycle, routes"));

  public static Optional<Component> named(String name) {
    return ALL.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
