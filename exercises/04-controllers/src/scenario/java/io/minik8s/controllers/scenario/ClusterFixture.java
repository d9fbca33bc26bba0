package io.minik8s.controllers.scenario;

import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.controllers.cloud.fake.FakeCloud;
import io.minik8s.controllers.manager.ControllerManager;
import io.minik8s.controllers.manager.ControllerTable;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.store.EmbeddedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A whole control plane minus the nodes, in this JVM: the API server (module 02) on an in-memory
 * store, over plain HTTP on a free loopback port; a REST client (module 03); both controller
 * managers' controllers in one {@link ControllerManager} on a {@link FakeCloud}; and a
 * {@link FakeKubelet} that makes every pod Running and Ready. Everything talks HTTP, as in a real
 * cluster. One fixture per test: nothing leaks between runs.
 */
final class ClusterFixture implements AutoCloseable {

  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  final JumpClock clock = new JumpClock();
  final FakeCloud cloud = new FakeCloud(duration -> { });
  final ApiServer server;
  final KubeClient client;
  final ControllerManager manager;
  final FakeKubelet kubelet;

  ClusterFixture() {
    server = ApiServer.start(ApiServerOptions.builder()
        .port(0)
        .tls(false)
        .store(EmbeddedStore.inMemory(Clock.systemUTC()))
        .build());
    client = new RestKubeClient(ClientConfig.of(server.url(), server.adminToken()));
    manager = ControllerManager.builder(client, "kube-controller-manager")
        .controllers(ControllerTable.all(cloud, "kubernetes"))
        .workers(2)
        .clock(clock)
        .build()
        .start();
    await("controller manager caches synced").atMost(Duration.ofSeconds(20))
        .until(manager::isReady);
    kubelet = new FakeKubelet(client, clock);
  }

  /** A fresh namespace with its default ServiceAccount (made by the serviceaccount controller). */
  String namespace(String prefix) {
    String name = prefix + "-" + NAMESPACES.incrementAndGet();
    client.resource(Namespace.class).create(new Namespace(ObjectMeta.named(name), null, null));
    await("default ServiceAccount in " + name).atMost(Duration.ofSeconds(20)).until(() -> {
      try {
        return client.resource(ServiceAccount.class).get(name, "default") != null;
      } catch (NotFoundException e) {
        return false;
      }
    });
    return name;
  }

  /** A RollingUpdate Deployment of {@code replicas} pods running {@code image}. */
  static Deployment deployment(String namespace, String name, int replicas, String image,
      int maxSurge, int maxUnavailable) {
    Map<String, String> labels = Map.of("app", name);
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.EMPTY.withLabels(labels),
        PodSpec.of(List.of(Container.of("main", image))));
    return new Deployment(ObjectMeta.named(namespace, name),
        new DeploymentSpec(replicas, LabelSelector.of(labels), template)
            .withStrategy(DeploymentStrategy.rollingUpdate(IntOrString.of(maxUnavailable),
                IntOrString.of(maxSurge))),
        null);
  }

  List<Pod> pods(String namespace) {
    return client.resource(Pod.class).list(namespace, ListOptions.ALL).items();
  }

  /** Pods not being deleted. */
  List<Pod> livePods(String namespace) {
    return pods(namespace).stream().filter(p -> p.metadata().deletionTimestamp() == null)
        .toList();
  }

  static boolean isReady(Pod pod) {
    return pod.status() != null
        && Condition.find(pod.status().conditions(), "Ready").map(Condition::isTrue).orElse(false);
  }

  /** Ready pods not being deleted, in a state replayed from a {@link WatchHistory}. */
  static int readyLive(Map<String, Pod> state) {
    return (int) state.values().stream()
        .filter(p -> p.metadata().deletionTimestamp() == null && isReady(p)).count();
  }

  static String image(Pod pod) {
    return pod.spec().containers().get(0).image();
  }

  @Override
  public void close() {
    kubelet.close();
    manager.close();
    server.close();
  }
}
