package io.minik8s.controllers.manager;

import io.minik8s.controllers.cloud.CloudNodeLifecycleController;
import io.minik8s.controllers.cloud.CloudProvider;
import io.minik8s.controllers.cloud.RouteController;
import io.minik8s.controllers.cloud.ServiceLoadBalancerController;
import io.minik8s.controllers.deployment.DeploymentController;
import io.minik8s.controllers.endpoints.EndpointsController;
import io.minik8s.controllers.garbagecollector.GarbageCollector;
import io.minik8s.controllers.job.JobController;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.namespace.NamespaceController;
import io.minik8s.controllers.nodelifecycle.NodeLifecycleController;
import io.minik8s.controllers.replicaset.ReplicaSetController;
import io.minik8s.controllers.serviceaccount.ServiceAccountController;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Which controllers each manager can run, by the name {@code --controllers} uses (upstream's
 * {@code NewControllerDescriptors} in cmd/kube-controller-manager/app/controllermanager.go and
 * the cloud-controller-manager's {@code DefaultInitFuncConstructors}). Adding a controller to a
 * manager is one line here. The order is the start order.
 */
public final class ControllerTable {

  /** Builds one controller from the manager's shared client, informers and clock. */
  public interface Factory extends Function<ControllerContext, Controller> {}

  private ControllerTable() {}

  /** kube-controller-manager's controllers. */
  public static Map<String, Factory> kubeControllerManager() {
    Map<String, Factory> table = new LinkedHashMap<>();
    table.put("replicaset", ReplicaSetController::create);
    table.put("deployment", DeploymentController::create);
    table.put("job", JobController::create);
    table.put("nodelifecycle", NodeLifecycleController::create);
    table.put("endpoints", EndpointsController::create);
    table.put("namespace", NamespaceController::create);
    table.put("serviceaccount", ServiceAccountController::create);
    table.put("garbagecollector", GarbageCollector::create);
    return Collections.unmodifiableMap(table);
  }

  /** cloud-controller-manager's controllers, all driving {@code cloud}. */
  public static Map<String, Factory> cloudControllerManager(CloudProvider cloud, String clusterName) {
    Map<String, Factory> table = new LinkedHashMap<>();
    table.put("service", ctx -> ServiceLoadBalancerController.create(ctx, cloud, clusterName));
    table.put("cloud-node-lifecycle", ctx -> CloudNodeLifecycleController.create(ctx, cloud));
    table.put("route", ctx -> RouteController.create(ctx, cloud, clusterName));
    return Collections.unmodifiableMap(table);
  }

  /** Both managers' controllers in one table (one process running everything: tests, demos). */
  public static Map<String, Factory> all(CloudProvider cloud, String clusterName) {
    Map<String, Factory> table = new LinkedHashMap<>(kubeControllerManager());
    table.putAll(cloudControllerManager(cloud, clusterName));
    return Collections.unmodifiableMap(table);
  }
}
