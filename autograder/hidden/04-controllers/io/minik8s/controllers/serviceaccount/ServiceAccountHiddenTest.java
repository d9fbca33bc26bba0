package io.minik8s.controllers.serviceaccount;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceSpec;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServiceAccountHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private FakeKubeClient client;
  private SharedIndexInformer<Namespace> namespaces;
  private SharedIndexInformer<ServiceAccount> accounts;
  private ServiceAccountController controller;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 5);
    client = cluster.client;
    namespaces = cluster.informer(Namespace.class);
    accounts = cluster.informer(ServiceAccount.class);
    controller = new ServiceAccountController(client, accounts, namespaces, clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Look for the account in the namespace being synced: another namespace's default "
          + "or another account in this namespace does not count.")
  void onlyThisNamespacesDefaultCounts() {
    namespaces.indexer().add(new Namespace(ObjectMeta.named("lab"),
        new NamespaceSpec(List.of("kubernetes")), new NamespaceStatus(NamespaceStatus.ACTIVE)));
    accounts.indexer().add(new ServiceAccount(ObjectMeta.named("other", "default")));
    accounts.indexer().add(new ServiceAccount(ObjectMeta.named("lab", "builder")));

    controller.sync("lab");

    assertThat(client.actions("create", "serviceaccounts")).hasSize(1);
    assertThat(client.actions("create", "serviceaccounts").get(0).namespace()).isEqualTo("lab");
    assertThat(client.actions("create", "serviceaccounts").get(0).object().metadata().name())
        .isEqualTo("default");
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "A namespace that is gone from the cache needs nothing, and that is not an error.")
  void aNamespaceThatIsGoneNeedsNothing() {
    controller.sync("vanished");
    assertThat(client.actions()).isEmpty();
  }
}
