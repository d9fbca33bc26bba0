package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.time.Duration;

/**
 * Hands out one shared informer per kind, so N controllers interested in pods share one watch and
 * one cache (upstream's {@code SharedInformerFactory}).
 */
public interface SharedInformerFactory {

  /** The informer for a kind, made on first request; the same instance afterwards. */
  <T extends KubeObject> SharedIndexInformer<T> informerFor(Class<T> type);

  /** Starts every informer requested so far (and any requested later, once started). */
  void start();

  /** Waits until every started informer has synced; false if the timeout passed first. */
  boolean waitForCacheSync(Duration timeout);

  /** Stops every informer. */
  void shutdown();
}
