package io.minik8s.client.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.errors.ForbiddenException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Status;
import io.minik8s.testkit.ManualClock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The fake client is given code (no exercise): these tests are ungraded. */
class FakeKubeClientTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeKubeClient client = new FakeKubeClient(clock, 7);
  private final ResourceClient<Pod> pods = client.resource(Pod.class);

  private static Pod pod(String namespace, String name, Map<String, String> labels) {
    return new Pod(ObjectMeta.named(namespace, name).withLabels(labels),
        PodSpec.of(List.of(Container.of("app", "minik8s/web:1"))), null);
  }

  @Test
  void createFillsServerFieldsFromOneCounter() {
    Pod a = pods.create(pod(null, "a", Map.of()));
    Pod b = pods.create(pod("team", "b", Map.of()));

    assertThat(a.metadata().namespace()).as("default namespace").isEqualTo("default");
    assertThat(a.metadata().resourceVersion()).isEqualTo("1");
    assertThat(b.metadata().resourceVersion()).isEqualTo("2");
    assertThat(a.metadata().uid()).isNotBlank().isNotEqualTo(b.metadata().uid());
    assertThat(a.metadata().creationTimestamp()).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(a.metadata().generation()).isEqualTo(1L);
    assertThat(pods.get("default", "a")).isEqualTo(a);
  }

  @Test
  void generateNameIsSeeded() {
    Pod generated = pods.create(
        new Pod(ObjectMeta.named("default", null).withGenerateName("web-"), null, null));
    Pod again = new FakeKubeClient(clock, 7).resource(Pod.class).create(
        new Pod(ObjectMeta.named("default", null).withGenerateName("web-"), null, null));

    assertThat(generated.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}")
        .isEqualTo(again.metadata().name());
  }

  @Test
  void errorsCarryUpstreamMessages() {
    pods.create(pod("default", "a", Map.of()));

    assertThatThrownBy(() -> pods.create(pod("default", "a", Map.of())))
        .isInstanceOf(AlreadyExistsException.class).hasMessage("pods \"a\" already exists");
    assertThatThrownBy(() -> pods.get("default", "x"))
        .isInstanceOf(NotFoundException.class).hasMessage("pods \"x\" not found");
    assertThatThrownBy(() -> pods.delete("default", "x", DeleteOptions.DEFAULT))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void updateWithStaleVersionConflictsAndBumpsOtherwise() {
    Pod created = pods.create(pod("default", "a", Map.of()));
    Pod updated = pods.update(created.withMetadata(created.metadata().withLabels(Map.of("x", "1"))));

    assertThat(updated.metadata().resourceVersion()).isEqualTo("2");
    assertThat(updated.metadata().generation()).as("labels are not spec").isEqualTo(1L);
    assertThatThrownBy(() -> pods.update(created))
        .isInstanceOf(ConflictException.class)
        .hasMessageContaining("the object has been modified");

    Pod respec = pods.update(updated.withSpec(updated.spec().withNodeName("n1")));
    assertThat(respec.metadata().generation()).as("spec change bumps generation").isEqualTo(2L);
    assertThat(pods.update(respec)).as("no-op update").isEqualTo(respec);
  }

  @Test
  void statusChangesOnlyThroughUpdateStatus() {
    Pod created = pods.create(pod("default", "a", Map.of()));
    Pod viaUpdate = pods.update(created.withStatus(PodStatus.ofPhase("Running")));
    assertThat(viaUpdate.status()).as("update ignores status").isEqualTo(created.status());

    Pod viaStatus = pods.updateStatus(
        created.withStatus(PodStatus.ofPhase("Running")).withSpec(created.spec().withNodeName("n")));
    assertThat(viaStatus.status().phase()).isEqualTo("Running");
    assertThat(viaStatus.spec().nodeName()).as("updateStatus ignores spec").isNull();
  }

  @Test
  void listFiltersByLabelsAndFieldsAndReportsTheCounter() {
    pods.create(pod("default", "a", Map.of("app", "web")));
    pods.create(pod("default", "b", Map.of("app", "db")));
    pods.create(pod("other", "c", Map.of("app", "web")).withSpec(PodSpec.of(List.of()).withNodeName("n1")));

    assertThat(names(pods.list(null, ListOptions.labels("app=web")).items())).containsExactly("a", "c");
    assertThat(names(pods.list("default", ListOptions.ALL).items())).containsExactly("a", "b");
    assertThat(names(pods.list(null, ListOptions.ALL.withFieldSelector("spec.nodeName=n1")).items()))
        .containsExactly("c");
    assertThat(names(pods.list(null, ListOptions.ALL.withFieldSelector("spec.nodeName=")).items()))
        .containsExactly("a", "b");
    assertThat(names(pods.list(null, ListOptions.ALL.withFieldSelector("metadata.name!=a")).items()))
        .containsExactly("b", "c");
    assertThat(pods.list(null, ListOptions.ALL).metadata().resourceVersion()).isEqualTo("3");
  }

  @Test
  void mergePatch() {
    pods.create(pod("default", "a", Map.of("app", "web")));
    Pod patched = pods.patch("default", "a", PatchType.MERGE,
        "{\"metadata\":{\"labels\":{\"app\":null,\"tier\":\"fe\"}}}");
    assertThat(patched.metadata().labels()).isEqualTo(Map.of("tier", "fe"));
    assertThat(patched.metadata().resourceVersion()).isEqualTo("2");
    assertThatThrownBy(() -> pods.patch("default", "a", PatchType.JSON, "[]"))
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("merge patches");
  }

  @Test
  void deleteHonoursUidPreconditionAndFinalizers() {
    Pod created = pods.create(new Pod(ObjectMeta.named("default", "a")
        .withFinalizers(List.of("example.com/hold")), null, null));
    assertThatThrownBy(() -> pods.delete("default", "a", DeleteOptions.preconditionUid("other")))
        .isInstanceOf(ConflictException.class).hasMessageContaining("Precondition failed");

    pods.delete("default", "a", DeleteOptions.DEFAULT);
    Pod marked = pods.get("default", "a");
    assertThat(marked.metadata().deletionTimestamp()).isEqualTo("2026-01-01T00:00:00Z");

    pods.update(marked.withMetadata(marked.metadata().withFinalizers(List.of())));
    assertThatThrownBy(() -> pods.get("default", "a")).isInstanceOf(NotFoundException.class);
    assertThat(created).isNotNull();
  }

  @Test
  void watchReplaysFromAVersionAndFollowsLiveChanges() throws Exception {
    pods.create(pod("default", "a", Map.of("app", "web")));
    String rv = pods.list(null, ListOptions.ALL).metadata().resourceVersion();
    pods.create(pod("default", "b", Map.of("app", "web")));

    try (WatchStream<Pod> watch = pods.watch(null, ListOptions.labels("app=web").withResourceVersion(rv))) {
      assertThat(describe(watch.next())).isEqualTo("ADDED b");
      Pod a = pods.get("default", "a");
      pods.update(a.withMetadata(a.metadata().withLabels(Map.of("app", "other"))));
      assertThat(describe(watch.next())).as("leaving the selector reads as a delete").isEqualTo("DELETED a");
      pods.delete("default", "b", DeleteOptions.DEFAULT);
      assertThat(describe(watch.next())).isEqualTo("DELETED b");

      CompletableFuture<WatchEvent<Pod>> blocked = CompletableFuture.supplyAsync(watch::next);
      watch.close();
      assertThat(blocked.get(5, TimeUnit.SECONDS)).as("close unblocks next()").isNull();
    }
  }

  @Test
  void watchWithoutVersionStartsWithTheCurrentObjects() {
    client.resource(Node.class).create(new Node(ObjectMeta.named("n1"), null, null));
    try (WatchStream<Node> watch = client.resource(Node.class).watch(null, ListOptions.ALL)) {
      WatchEvent<Node> first = watch.next();
      assertThat(first.type()).isEqualTo(EventType.ADDED);
      assertThat(first.object().metadata().namespace()).as("cluster-scoped").isNull();
    }
  }

  @Test
  void actionsAreLoggedAndFailuresInjected() {
    client.addObjects(pod("default", "seed", Map.of()));
    assertThat(client.actions()).as("seeding is not an action").isEmpty();

    ForbiddenException quota = new ForbiddenException(
        Status.failure(403, "Forbidden", "exceeded quota", null));
    client.failNext("create", "pods", quota);
    assertThatThrownBy(() -> pods.create(pod("default", "a", Map.of()))).isSameAs(quota);
    pods.create(pod("default", "a", Map.of()));
    Pod a = pods.get("default", "a");
    pods.updateStatus(a.withStatus(PodStatus.ofPhase("Running")));

    assertThat(client.actions()).extracting(Action::toString).containsExactly(
        "create pods default/a", "create pods default/a", "get pods default/a",
        "update pods/status default/a");
    assertThat(client.actions("create", "pods")).hasSize(2);
    client.clearActions();
    assertThat(client.actions()).isEmpty();
  }

  private static List<String> names(List<Pod> items) {
    return items.stream().map(p -> p.metadata().name()).toList();
  }

  private static String describe(WatchEvent<Pod> event) {
    return event.type() + " " + event.object().metadata().name();
  }
}
