package io.minik8s.controllers.namespace;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceSpec;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.api.rbac.Role;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NamespaceHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final List<Namespace> finalized = new ArrayList<>();
  private FakeKubeClient client;
  private SharedIndexInformer<Namespace> namespaces;
  private NamespaceController controller;

  @BeforeEach
  void setUp() {
    var cluster = new FakeCluster(clock, 3);
    client = cluster.client;
    namespaces = cluster.informer(Namespace.class);
    controller = new NamespaceController(client, namespaces, ns -> {
      finalized.add(ns);
      return ns;
    }, clock);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Remove only your own finalizer (kubernetes) from spec.finalizers; others stay.")
  void otherFinalizersStay() {
    cacheTerminating("lab", List.of("example.com/audit", "kubernetes"));
    controller.sync("lab");
    assertThat(finalized).hasSize(1);
    assertThat(finalized.get(0).spec().finalizers()).containsExactly("example.com/audit");
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "Every namespaced kind of the scheme counts, not only pods and services; objects "
          + "of other namespaces stay.")
  void everyNamespacedKindIsEmptied() {
    cacheTerminating("lab", List.of("kubernetes"));
    client.addObjects(new Role(ObjectMeta.named("lab", "reader"), List.of()),
        new ConfigMap(ObjectMeta.named("lab", "c"), Map.of()),
        new Role(ObjectMeta.named("elsewhere", "reader"), List.of()));
    controller.sync("lab");
    assertThat(client.resource(Role.class).list("lab", ListOptions.ALL).items()).isEmpty();
    assertThat(client.resource(Role.class).list("elsewhere", ListOptions.ALL).items()).hasSize(1);
    assertThat(finalized).hasSize(1);
  }

  @Test
  @Graded(exercise = "4.5", points = 1,
      hint = "While something is left, do not finalize: come back later.")
  void somethingLeftMeansNoFinalize() {
    cacheTerminating("lab", List.of("kubernetes"));
    client.addObjects(new ConfigMap(ObjectMeta.named("lab", "held")
        .withFinalizers(List.of("example.com/hold")), Map.of()));
    controller.sync("lab");
    controller.sync("lab");
    assertThat(finalized).isEmpty();
    assertThat(client.actions("delete", "configmaps")).hasSize(1);
  }

  private void cacheTerminating(String name, List<String> finalizers) {
    namespaces.indexer().add(new Namespace(ObjectMeta.named(name).withUid("u-" + name)
        .withDeletionTimestamp("2026-01-01T00:00:00Z"), new NamespaceSpec(finalizers),
        new NamespaceStatus(NamespaceStatus.TERMINATING)));
  }
}
