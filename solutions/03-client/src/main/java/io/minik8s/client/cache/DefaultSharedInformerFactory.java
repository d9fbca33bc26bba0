package io.minik8s.client.cache;

import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.meta.KubeObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link SharedInformerFactory} on a {@link KubeClient}, watching every namespace: one informer
 * per kind, whoever asks for it (upstream's {@code sharedInformerFactory} in
 * k8s.io/client-go/informers/factory.go).
 */
public final class DefaultSharedInformerFactory implements SharedInformerFactory {

  /** How often {@link #waitForCacheSync} looks again (upstream polls every 100 ms). */
  private static final long POLL_MILLIS = 10;

  private final KubeClient client;
  private final Duration defaultResync;
  private final Clock clock;
  /** Guards informers and started. */
  private final Object lock = new Object();
  private final Map<Class<?>, SharedIndexInformer<?>> informers = new LinkedHashMap<>();
  private boolean started;

  public DefaultSharedInformerFactory(KubeClient client, Duration defaultResync, Clock clock) {
    this.client = client;
    this.defaultResync = defaultResync;
    this.clock = clock;
  }

  @Override
  @SuppressWarnings("unchecked") // the map pairs each class with an informer of that class
  public <T extends KubeObject> SharedIndexInformer<T> informerFor(Class<T> type) {
    synchronized (lock) {
      SharedIndexInformer<T> informer = (SharedIndexInformer<T>) informers.get(type);
      if (informer == null) {
        informer = new DefaultSharedIndexInformer<>(
            ListerWatcher.of(client.resource(type), null), defaultResync, clock);
        informers.put(type, informer);
        if (started) {
          informer.start();
        }
      }
      return informer;
    }
  }

  @Override
  public void start() {
    synchronized (lock) {
      started = true;
      informers.values().forEach(SharedIndexInformer::start);
    }
  }

  /** Waits on the wall clock: a test's manual clock does not move while we wait. */
  @Override
  public boolean waitForCacheSync(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (snapshot().stream().allMatch(SharedIndexInformer::hasSynced)) {
        return true;
      }
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  @Override
  public void shutdown() {
    snapshot().forEach(SharedIndexInformer::stop);
  }

  private List<SharedIndexInformer<?>> snapshot() {
    synchronized (lock) {
      return new ArrayList<>(informers.values());
    }
  }
}
