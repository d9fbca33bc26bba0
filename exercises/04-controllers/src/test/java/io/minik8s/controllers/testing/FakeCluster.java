package io.minik8s.controllers.testing;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;

/**
 * What a controller unit test runs on: a manual clock, a {@link FakeKubeClient} and informers over
 * it that are never started (no threads, no resync). Their caches hold what the test puts in them
 * ({@code informer.indexer()}), or the server's objects after {@link #catchUp(Class)}.
 */
public final class FakeCluster {

  public final ManualClock clock;
  public final FakeKubeClient client;
  public final SharedInformerFactory informers;

  /** At the course's epoch, with the fake client's randomness seeded with 42. */
  public FakeCluster() {
    this(ManualClock.startingAtEpochOfCourse(), 42);
  }

  public FakeCluster(ManualClock clock, long seed) {
    this.clock = clock;
    this.client = new FakeKubeClient(clock, seed);
    this.informers = new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
  }

  /** The (shared, unstarted) informer of {@code type}. */
  public <T extends KubeObject> SharedIndexInformer<T> informer(Class<T> type) {
    return informers.informerFor(type);
  }

  /** The informer's cache catches up with the server: what a running informer would have done. */
  public <T extends KubeObject> void catchUp(Class<T> type) {
    var list = client.resource(type).list(null, ListOptions.ALL);
    informer(type).indexer().replace(list.items(), list.metadata().resourceVersion());
  }
}
