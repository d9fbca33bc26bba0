package io.minik8s.controllers.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceSpec;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service account controller: a {@code default} account in every active namespace. */
class ServiceAccountControllerTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private FakeKubeClient client;
  private SharedIndexInformer<Namespace> namespaces;
  private SharedIndexInformer<ServiceAccount> accounts;
  private ServiceAccountController controller;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 42);
    client = cluster.client;
    namespaces = cluster.informer(Namespace.class);
    accounts = cluster.informer(ServiceAccount.class);
    controller = new ServiceAccountController(client, accounts, namespaces, clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void aNewNamespaceGetsItsDefaultAccount() {
    namespaces.indexer().add(namespace("shop", NamespaceStatus.ACTIVE));

    controller.sync("shop");

    assertThat(client.actions("create", "serviceaccounts")).as("one create").hasSize(1);
    ServiceAccount created = client.resource(ServiceAccount.class).get("shop", "default");
    assertThat(created.metadata().namespace()).isEqualTo("shop");
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void aTerminatingNamespaceGetsNothing() {
    Namespace shop = namespace("shop", NamespaceStatus.TERMINATING);
    namespaces.indexer().add(shop.withMetadata(
        shop.metadata().withDeletionTimestamp("2026-01-01T00:00:00Z")));

    controller.sync("shop");

    assertThat(client.actions("create", "serviceaccounts"))
        .as("a namespace being deleted must not get a new account").isEmpty();
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void anExistingAccountIsKeptAndADeletedOneRecreated() {
    namespaces.indexer().add(namespace("shop", NamespaceStatus.ACTIVE));
    client.addObjects(new ServiceAccount(ObjectMeta.named("shop", "default")));
    accounts.indexer().add(client.resource(ServiceAccount.class).get("shop", "default"));

    controller.sync("shop");
    assertThat(client.actions("create", "serviceaccounts"))
        .as("the cache has shop/default: nothing to create").isEmpty();

    ServiceAccount old = client.resource(ServiceAccount.class).get("shop", "default");
    client.resource(ServiceAccount.class).delete("shop", "default", null);
    accounts.indexer().delete(old);
    controller.sync("shop");
    assertThat(client.actions("create", "serviceaccounts")).as("deleted: recreated").hasSize(1);
  }

  @Test
  @Graded(exercise = "4.5", points = 1)
  void alreadyExistsMeansTheCacheWasBehindAndIsSuccess() {
    namespaces.indexer().add(namespace("shop", NamespaceStatus.ACTIVE));
    client.failNext("create", "serviceaccounts", new AlreadyExistsException(Status.failure(409,
        "AlreadyExists", "serviceaccounts \"default\" already exists", null)));

    controller.sync("shop"); // must not throw: the account exists, which is the goal

    assertThat(client.actions("create", "serviceaccounts")).hasSize(1);
  }

  static Namespace namespace(String name, String phase) {
    return new Namespace(ObjectMeta.named(name), new NamespaceSpec(List.of("kubernetes")),
        new NamespaceStatus(phase));
  }
}
