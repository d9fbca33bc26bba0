package io.minik8s.client.cache;

import static io.minik8s.client.cache.HiddenCacheScript.event;
import static io.minik8s.client.cache.HiddenCacheScript.ownedBy;
import static io.minik8s.client.cache.HiddenCacheScript.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.cache.HiddenCacheScript.Seen;
import io.minik8s.client.cache.HiddenCacheScript.Server;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.PatchType;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.Status;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Corners of the indexer, the informer's notifications and resync, and the factory. */
@Timeout(10)
class InformerCacheHiddenTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final Server server = new Server();
  private final List<DefaultSharedIndexInformer<Pod>> informers = new ArrayList<>();

  private DefaultSharedIndexInformer<Pod> informer(Duration defaultResync) {
    DefaultSharedIndexInformer<Pod> informer = new DefaultSharedIndexInformer<>(server,
        defaultResync, clock, Backoff.DEFAULT.withoutJitter(), d -> { }, new Random(5));
    informers.add(informer);
    return informer;
  }

  @AfterEach
  void stopAll() {
    informers.forEach(DefaultSharedIndexInformer::stop);
  }

  private static void awaitSeen(Seen handler, String... expected) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).untilAsserted(
        () -> assertThat(handler.seen).containsExactly(expected));
  }

  @Test
  @Graded(exercise = "3.3", points = 2,
      hint = "The index must hold the key once per value even when an update keeps the value, "
          + "and unscheduled pods (empty nodeName) are not in the node index.")
  void updateKeepingTheIndexedValueKeepsTheKeyOnce() {
    ThreadSafeIndexer<Pod> indexer =
        new ThreadSafeIndexer<>(Map.of(Indexers.BY_NODE_NAME, Indexers.byNodeName()));
    indexer.add(pod("ns", "a", "1", "node-1"));
    indexer.update(pod("ns", "a", "2", "node-1"));
    indexer.add(pod("ns", "pending", "3", null));
    indexer.add(pod("ns", "blank", "4", ""));

    assertThat(indexer.indexKeys(Indexers.BY_NODE_NAME, "node-1")).containsExactly("ns/a");
    assertThat(indexer.byIndex(Indexers.BY_NODE_NAME, "node-1").get(0).metadata()
        .resourceVersion()).isEqualTo("2");
    assertThat(indexer.indexKeys(Indexers.BY_NODE_NAME, "")).isEmpty();
    assertThat(indexer.indexKeys(Indexer.BY_NAMESPACE, "ns")).hasSize(3);
  }

  @Test
  @Graded(exercise = "3.3", points = 1,
      hint = "When the last key leaves an index value, drop the value's set: an index of "
          + "churning values (pod IPs, node names) must not grow forever.")
  void indexValuesWithoutKeysAreDropped() {
    ThreadSafeIndexer<Pod> indexer =
        new ThreadSafeIndexer<>(Map.of(Indexers.BY_NODE_NAME, Indexers.byNodeName()));
    indexer.add(pod("ns", "a", "1", "node-1"));
    indexer.add(pod("ns", "b", "2", "node-2"));
    indexer.update(pod("ns", "a", "3", "node-3"));
    indexer.delete(pod("ns", "b", "2", "node-2"));

    assertThat(indexer.indexValues(Indexers.BY_NODE_NAME)).containsExactly("node-3");
    assertThat(indexer.indexValues(Indexer.BY_NAMESPACE)).containsExactly("ns");
  }

  @Test
  @Graded(exercise = "3.3", points = 2,
      hint = "Test custom index functions too: a pod losing its controller must leave that "
          + "controller's entry; deleting an object the indexer never had changes nothing.")
  void controllerIndexFollowsOwnershipChanges() {
    ThreadSafeIndexer<Pod> indexer = new ThreadSafeIndexer<>(
        Map.of(Indexers.BY_CONTROLLER_UID, Indexers.byControllerUid()));
    indexer.add(ownedBy(pod("ns", "a", "1"), "uid-1"));
    indexer.add(ownedBy(pod("ns", "b", "2"), "uid-1"));
    indexer.update(pod("ns", "a", "3")); // orphaned
    indexer.delete(pod("ns", "never-added", "9"));

    assertThat(indexer.indexKeys(Indexers.BY_CONTROLLER_UID, "uid-1")).containsExactly("ns/b");
    assertThat(indexer.listKeys()).containsExactlyInAnyOrder("ns/a", "ns/b");
  }

  @Test
  @Graded(exercise = "3.3", points = 2,
      hint = "ADDED for a key already cached is an update (with the cached state as old); "
          + "DELETED for a key never cached notifies nobody.")
  void addedForACachedKeyIsAnUpdateAndUnknownDeletesAreDropped() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ZERO);
    Seen seen = new Seen();
    informer.addEventHandler(seen);
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1")).watchEnding(null,
        event(EventType.ADDED, pod("ns", "a", "11")),
        event(EventType.DELETED, pod("ns", "ghost", "12")),
        event(EventType.MODIFIED, pod("ns", "new", "13")));

    informer.reflector().listAndWatchOnce();

    awaitSeen(seen, "add ns/a@1", "update ns/a@1->11", "add ns/new@13");
  }

  @Test
  @Graded(exercise = "3.3", points = 1,
      hint = "Compare a relist with the cache as it is now, after the watch events: a missing "
          + "object is deleted with the last state the watch delivered.")
  void relistThatLacksEverythingDeletesTheLastStateSeen() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ZERO);
    Seen seen = new Seen();
    informer.addEventHandler(seen);
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1"), pod("ns", "b", "2"))
        .watchEnding(null, event(EventType.MODIFIED, pod("ns", "a", "5")),
            WatchEvent.error(Status.failure(410, "Expired", "too old", null)))
        .list("30", pod("ns", "b", "2"))
        .watchEnding(null);

    informer.reflector().listAndWatchOnce();
    informer.reflector().listAndWatchOnce();

    awaitSeen(seen, "add ns/a@1", "add ns/b@2", "update ns/a@1->5", "delete ns/a@5");
    assertThat(informer.indexer().listKeys()).containsExactly("ns/b");
  }

  @Test
  @Graded(exercise = "3.3", points = 1,
      hint = "A handler that throws must not stop the notifications after it.")
  void aFailingHandlerStillGetsLaterNotifications() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ZERO);
    Seen seen = new Seen();
    informer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        seen.onAdd(pod);
        if (pod.metadata().name().equals("a")) {
          throw new IllegalStateException("handler bug");
        }
      }
    });
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1"), pod("ns", "b", "2")).watchEnding(null);

    informer.reflector().listAndWatchOnce();

    awaitSeen(seen, "add ns/a@1", "add ns/b@2");
    await().atMost(WAIT).until(informer::hasSynced);
  }

  @Test
  @Graded(exercise = "3.3", points = 2,
      hint = "A handler's next resync is its period after its last one (or after it was added); "
          + "a check before that sends nothing.")
  void resyncRepeatsEveryPeriodPerHandler() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ofSeconds(60));
    Seen minute = new Seen();
    Seen half = new Seen();
    informer.addEventHandler(minute);
    informer.addEventHandler(half, Duration.ofSeconds(30));
    informer.startHandlers();
    server.list("10", pod("ns", "a", "1")).watchEnding(null);
    informer.reflector().listAndWatchOnce();

    for (int i = 0; i < 4; i++) {   // t = 30, 60, 90, 120 s
      clock.advanceSeconds(30);
      informer.resyncCheck();
    }

    String sync = "update ns/a@1->1";
    awaitSeen(half, "add ns/a@1", sync, sync, sync, sync);
    awaitSeen(minute, "add ns/a@1", sync, sync);
  }

  @Test
  @Graded(exercise = "3.3", points = 1,
      hint = "Before start, a shorter handler period lowers the informer's check period; after "
          + "start, a handler asking for less gets the check period. Periods under 1 s become 1 s.")
  void handlerPeriodsAreRoundedAsUpstream() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ofSeconds(60));
    informer.addEventHandler(new Seen(), Duration.ofMillis(10));
    assertThat(informer.resyncCheckPeriod()).isEqualTo(Duration.ofSeconds(1));

    DefaultSharedIndexInformer<Pod> started = informer(Duration.ofSeconds(60));
    server.list("10", pod("ns", "a", "1"));
    started.start();
    await().atMost(WAIT).until(started::hasSynced);
    Seen late = new Seen();
    started.addEventHandler(late, Duration.ofSeconds(10));
    clock.advanceSeconds(10);
    started.resyncCheck();
    clock.advanceSeconds(50);
    started.resyncCheck();

    awaitSeen(late, "add ns/a@1", "update ns/a@1->1");
  }

  @Test
  @Graded(exercise = "3.3", points = 1,
      hint = "With no handler at the first list, the informer has synced as soon as the list is "
          + "in the cache; a later handler does not make it unsynced.")
  void hasSyncedWithoutHandlers() {
    DefaultSharedIndexInformer<Pod> informer = informer(Duration.ZERO);
    server.list("10", pod("ns", "a", "1")).watchEnding(null);
    assertThat(informer.hasSynced()).isFalse();

    informer.reflector().listAndWatchOnce();

    assertThat(informer.hasSynced()).isTrue();
    informer.addEventHandler(new Seen());
    assertThat(informer.hasSynced()).isTrue();
    assertThat(informer.lister().list("ns", Selector.everything())).hasSize(1);
  }

  @Test
  @Graded(exercise = "3.3", points = 2,
      hint = "The factory gives one informer per kind, listing all namespaces, and "
          + "waitForCacheSync is true once the started informers have synced.")
  void factorySharesOneInformerPerKindAcrossAllNamespaces() {
    List<String> namespaces = new ArrayList<>();
    server.list("10", pod("ns", "a", "1"), pod("other", "b", "2"));
    KubeClient client = new KubeClient() {
      @Override
      @SuppressWarnings("unchecked")
      public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
        return (ResourceClient<T>) new PodsOnly(server, namespaces);
      }

      @Override
      public String defaultNamespace() {
        return "default";
      }
    };
    DefaultSharedInformerFactory factory =
        new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
    try {
      SharedIndexInformer<Pod> pods = factory.informerFor(Pod.class);
      assertThat(factory.informerFor(Pod.class)).as("same instance").isSameAs(pods);
      factory.start();

      assertThat(factory.waitForCacheSync(WAIT)).isTrue();
      assertThat(pods.lister().list(Selector.everything())).hasSize(2);
      assertThat(namespaces).first().as("list across all namespaces").isNull();
    } finally {
      factory.shutdown();
    }
  }

  /** A pods client that only lists and watches, through the scripted server. */
  private record PodsOnly(Server server, List<String> namespaces) implements ResourceClient<Pod> {
    @Override
    public ObjectList<Pod> list(String namespace, ListOptions options) {
      namespaces.add(namespace);
      return server.list(options);
    }

    @Override
    public WatchStream<Pod> watch(String namespace, ListOptions options) {
      return server.watch(options);
    }

    @Override
    public Pod get(String namespace, String name) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Pod create(Pod object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Pod update(Pod object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Pod updateStatus(Pod object) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Pod patch(String namespace, String name, PatchType type, String patch) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String namespace, String name, DeleteOptions options) {
      throw new UnsupportedOperationException();
    }
  }
}
