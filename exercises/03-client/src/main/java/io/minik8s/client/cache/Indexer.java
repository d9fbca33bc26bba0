package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.Map;

/**
 * A {@link Store} that also keeps secondary indexes, so "pods on node-1" or "pods in namespace
 * ns" is a lookup, not a scan (upstream's {@code cache.Indexer}).
 */
public interface Indexer<T extends KubeObject> extends Store<T> {

  /** The standard index by namespace, as upstream's {@code cache.NamespaceIndex}. */
  String BY_NAMESPACE = "namespace";

  /** Objects whose index function yields {@code value} for the index {@code indexName}. */
  List<T> byIndex(String indexName, String value);

  /** The keys of those objects. */
  List<String> indexKeys(String indexName, String value);

  /**
   * Adds indexes; allowed while the store is empty or after (existing objects are indexed).
   *
   * @throws IllegalArgumentException if an index of that name exists
   */
  void addIndexers(Map<String, IndexFunction<T>> indexers);
}
