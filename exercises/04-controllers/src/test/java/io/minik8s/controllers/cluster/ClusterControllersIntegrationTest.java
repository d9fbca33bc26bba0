package io.minik8s.controllers.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.controllers.endpoints.EndpointsController;
import io.minik8s.controllers.garbagecollector.GarbageCollector;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.namespace.NamespaceController;
import io.minik8s.controllers.serviceaccount.ServiceAccountController;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.store.EmbeddedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The four cluster controllers of exercise 4.5 against the real in-process API server (module
 * 02) and the REST client (module 03), on one shared informer factory, as the manager runs them.
 * Not graded: it exercises the wiring, on real time.
 */
// build-only: an ungraded end-to-end check; on a skeleton it only waits out its timeouts; the Maven build runs it
@Tag("build-only")
class ClusterControllersIntegrationTest {

  private final Clock clock = Clock.systemUTC();
  private ApiServer server;
  private KubeClient client;
  private DefaultSharedInformerFactory informers;
  private List<Controller> controllers;

  @BeforeEach
  void start() throws Exception {
    server = ApiServer.start(ApiServerOptions.builder()
        .store(EmbeddedStore.inMemory(clock)).clock(clock).randomSeed(42L).requestThreads(4)
        .tls(false).build());
    client = new RestKubeClient(ClientConfig.of(server.url(), server.adminToken()));
    informers = new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    ControllerContext ctx = new ControllerContext(client, informers, clock);
    controllers = List.of(NamespaceController.create(ctx), ServiceAccountController.create(ctx),
        EndpointsController.create(ctx), GarbageCollector.create(ctx));
    informers.start();
    controllers.forEach(c -> c.run(1));
  }

  @AfterEach
  void stop() throws Exception {
    controllers.forEach(Controller::shutdown);
    informers.shutdown();
    server.close();
  }

  @Test
  void aNamespaceLivesAndIsDeletedWithEverythingInIt() {
    client.resource(Namespace.class).create(new Namespace(ObjectMeta.named("shop"), null, null));
    await("default ServiceAccount in shop").atMost(Duration.ofSeconds(10)).until(() ->
        exists(() -> client.resource(ServiceAccount.class).get("shop", "default")));

    client.resource(Service.class).create(new Service(ObjectMeta.named("shop", "web"),
        new ServiceSpec(ServiceSpec.CLUSTER_IP, Map.of("app", "web"),
            List.of(new ServicePort("http", 80, IntOrString.of(8080)))), null));
    client.resource(Pod.class).create(new Pod(ObjectMeta.named("shop", "web-1")
        .withLabels(Map.of("app", "web")), PodSpec.of(List.of(Container.of("c", "web"))), null));
    await("Endpoints shop/web").atMost(Duration.ofSeconds(10)).until(() ->
        exists(() -> client.resource(Endpoints.class).get("shop", "web")));

    ConfigMap parent = client.resource(ConfigMap.class).create(
        new ConfigMap(ObjectMeta.named("shop", "parent"), Map.of()));
    client.resource(ConfigMap.class).create(new ConfigMap(ObjectMeta.named("shop", "child")
        .withOwnerReferences(List.of(OwnerReference.controllerOf(parent))), Map.of()));
    client.resource(ConfigMap.class).delete("shop", "parent", DeleteOptions.DEFAULT);
    await("garbage collection of configmap child").atMost(Duration.ofSeconds(10)).until(() ->
        !exists(() -> client.resource(ConfigMap.class).get("shop", "child")));

    client.resource(Namespace.class).delete(null, "shop", DeleteOptions.DEFAULT);
    await("namespace shop gone").atMost(Duration.ofSeconds(15)).until(() ->
        !exists(() -> client.resource(Namespace.class).get(null, "shop")));
    assertThat(client.resource(Pod.class).list("shop", ListOptions.ALL).items()).isEmpty();
    assertThat(client.resource(Service.class).list("shop", ListOptions.ALL).items()).isEmpty();
    assertThat(client.resource(ServiceAccount.class).list("shop", ListOptions.ALL).items())
        .isEmpty();
  }

  private static boolean exists(Runnable get) {
    try {
      get.run();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
