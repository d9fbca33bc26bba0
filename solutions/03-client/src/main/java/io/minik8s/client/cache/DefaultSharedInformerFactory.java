package io.minik8s.client.cache;

import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.meta.KubeObject;
import java.time.Clock;
import java.time.Duration;

/** The {@link SharedInformerFactory} on a {@link KubeClient}, watching every namespace. */
public final class DefaultSharedInformerFactory implements SharedInformerFactory {

  public DefaultSharedInformerFactory(KubeClient client, Duration defaultResync, Clock clock) {
    throw new UnsupportedOperationException("contract: built by the informer helper");
  }

  @Override
  public <T extends KubeObject> SharedIndexInformer<T> informerFor(Class<T> type) {
    throw new UnsupportedOperationException("contract: built by the informer helper");
  }

  @Override
  public void start() {
    throw new UnsupportedOperationException("contract: built by the informer helper");
  }

  @Override
  public boolean waitForCacheSync(Duration timeout) {
    throw new UnsupportedOperationException("contract: built by the informer helper");
  }

  @Override
  public void shutdown() {
    throw new UnsupportedOperationException("contract: built by the informer helper");
  }
}
