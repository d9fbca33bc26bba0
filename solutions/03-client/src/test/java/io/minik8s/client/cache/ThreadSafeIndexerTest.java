package io.minik8s.client.cache;

import static io.minik8s.client.cache.Pods.labelled;
import static io.minik8s.client.cache.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The indexer redraws the trace in {@link ThreadSafeIndexer}'s comment: a pod that moves from
 * node-1 to node-2 must leave node-1's entry.
 */
class ThreadSafeIndexerTest {

  private final ThreadSafeIndexer<Pod> indexer =
      new ThreadSafeIndexer<>(Map.of(Indexers.BY_NODE_NAME, Indexers.byNodeName()));

  private List<String> onNode(String node) {
    return indexer.indexKeys(Indexers.BY_NODE_NAME, node);
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void updateThatChangesTheIndexedValueMovesTheKey() {
    indexer.add(pod("ns", "web-1", "1", "node-1"));
    indexer.add(pod("ns", "web-2", "2", "node-1"));
    assertThat(onNode("node-1")).containsExactlyInAnyOrder("ns/web-1", "ns/web-2");

    indexer.update(pod("ns", "web-1", "3", "node-2"));

    assertThat(onNode("node-1")).as("web-1 moved away: node-1's entry must forget it")
        .containsExactly("ns/web-2");
    assertThat(onNode("node-2")).containsExactly("ns/web-1");
    assertThat(indexer.byIndex(Indexers.BY_NODE_NAME, "node-2"))
        .extracting(p -> p.metadata().resourceVersion())
        .as("byIndex answers the latest object").containsExactly("3");
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void deleteRemovesTheKeyFromEveryIndex() {
    indexer.add(pod("ns", "web-1", "1", "node-1"));
    indexer.add(pod("ns", "web-2", "2", "node-1"));

    indexer.delete(pod("ns", "web-2", "2", "node-1"));

    assertThat(onNode("node-1")).containsExactly("ns/web-1");
    assertThat(indexer.indexKeys(Indexer.BY_NAMESPACE, "ns")).containsExactly("ns/web-1");
    assertThat(indexer.getByKey("ns/web-2")).isEmpty();

    indexer.delete(pod("ns", "web-1", "1", "node-1"));
    assertThat(onNode("node-1")).as("the last pod on node-1 is gone").isEmpty();
  }

  @Test
  @Graded(exercise = "3.3", points = 2)
  void replaceDropsObjectsMissingFromTheNewListFromTheIndexes() {
    indexer.add(pod("ns", "web-1", "1", "node-1"));
    indexer.add(pod("other", "db", "2", "node-2"));

    indexer.replace(List.of(pod("ns", "web-3", "7", "node-1")), "7");

    assertThat(indexer.listKeys()).containsExactly("ns/web-3");
    assertThat(onNode("node-1")).containsExactly("ns/web-3");
    assertThat(onNode("node-2")).as("db is not in the relist").isEmpty();
    assertThat(indexer.indexKeys(Indexer.BY_NAMESPACE, "other")).isEmpty();
  }

  @Test
  @Graded(exercise = "3.3", points = 1)
  void namespaceIndexIsBuiltInAndSkipsClusterScopedObjects() {
    ThreadSafeIndexer<Namespace> namespaces = new ThreadSafeIndexer<>();
    namespaces.add(new Namespace(ObjectMeta.named("team-a"), null, null));
    ThreadSafeIndexer<Pod> pods = new ThreadSafeIndexer<>();
    pods.add(pod("team-a", "web", "1"));

    assertThat(namespaces.indexKeys(Indexer.BY_NAMESPACE, "team-a"))
        .as("a Namespace object is cluster-scoped: not in the namespace index").isEmpty();
    assertThat(pods.indexKeys(Indexer.BY_NAMESPACE, "team-a")).containsExactly("team-a/web");
  }

  @Test
  @Graded(exercise = "3.3", points = 1)
  void indexesAddedLaterCoverObjectsAlreadyStored() {
    indexer.add(labelled(pod("ns", "web-1", "1"), Map.of("app", "web")));
    indexer.add(labelled(pod("ns", "db-1", "2"), Map.of("app", "db")));

    indexer.addIndexers(Map.of("app", Indexers.byLabel("app")));

    assertThat(indexer.indexKeys("app", "web")).containsExactly("ns/web-1");
    assertThatThrownBy(() -> indexer.addIndexers(Map.of("app", Indexers.byLabel("app"))))
        .as("a second index named app").isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app");
  }

  @Test
  @Graded(exercise = "3.3", points = 1)
  void anObjectCanBeIndexedUnderSeveralValues() {
    indexer.addIndexers(Map.of("labelKeys",
        p -> List.copyOf(p.metadata().labels().keySet())));
    indexer.add(labelled(pod("ns", "web", "1"), Map.of("app", "web", "tier", "front")));
    indexer.update(labelled(pod("ns", "web", "2"), Map.of("app", "web")));

    assertThat(indexer.indexKeys("labelKeys", "app")).containsExactly("ns/web");
    assertThat(indexer.indexKeys("labelKeys", "tier")).as("label tier was removed").isEmpty();
  }

  @Test
  @Graded(exercise = "3.3", points = 1)
  void listerListsANamespaceWithASelector() {
    indexer.add(labelled(pod("ns", "web-1", "1"), Map.of("app", "web")));
    indexer.add(labelled(pod("ns", "db-1", "2"), Map.of("app", "db")));
    indexer.add(labelled(pod("other", "web-2", "3"), Map.of("app", "web")));
    Lister<Pod> lister = new IndexerLister<>(indexer);

    assertThat(lister.list("ns", Selector.parse("app=web")))
        .extracting(Keys::of).as("app=web in ns").containsExactly("ns/web-1");
    assertThat(lister.list("ns", Selector.everything())).hasSize(2);
    assertThat(lister.list("empty", Selector.everything())).isEmpty();
    assertThat(lister.list(Selector.parse("app=web"))).extracting(Keys::of)
        .containsExactlyInAnyOrder("ns/web-1", "other/web-2");
    assertThat(lister.get("other", "web-2")).isPresent();
  }
}
