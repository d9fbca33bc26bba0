package io.minik8s.client.cache;

import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Lister} reading an {@link Indexer}: a namespace listing is one index lookup, not a scan
 * of every object (upstream's generated listers over {@code cache.ListAllByNamespace}).
 */
public final class IndexerLister<T extends KubeObject> implements Lister<T> {

  private final Indexer<T> indexer;

  public IndexerLister(Indexer<T> indexer) {
    this.indexer = indexer;
  }

  @Override
  public List<T> list(Selector selector) {
    return matching(indexer.list(), selector);
  }

  @Override
  public List<T> list(String namespace, Selector selector) {
    // BEGIN EXERCISE 3.3 — list one namespace through the namespace index
    return matching(indexer.byIndex(Indexer.BY_NAMESPACE, namespace), selector);
    // END EXERCISE 3.3
  }

  @Override
  public Optional<T> get(String namespace, String name) {
    return indexer.getByKey(Keys.of(namespace, name));
  }

  private static <T extends KubeObject> List<T> matching(List<T> objects, Selector selector) {
    return objects.stream().filter(o -> selector.matches(labelsOf(o))).toList();
  }

  private static Map<String, String> labelsOf(KubeObject object) {
    Map<String, String> labels = object.metadata().labels();
    return labels == null ? Map.of() : labels;
  }
}
