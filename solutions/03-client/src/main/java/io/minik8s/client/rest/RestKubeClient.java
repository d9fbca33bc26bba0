package io.minik8s.client.rest;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.objects.meta.KubeObject;

/** The {@link KubeClient} over HTTP, on {@code java.net.http}. */
public final class RestKubeClient implements KubeClient {

  public RestKubeClient(ClientConfig config) {
    throw new UnsupportedOperationException("contract: built by the rest helper");
  }

  @Override
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    throw new UnsupportedOperationException("contract: built by the rest helper");
  }

  @Override
  public String defaultNamespace() {
    throw new UnsupportedOperationException("contract: built by the rest helper");
  }
}
