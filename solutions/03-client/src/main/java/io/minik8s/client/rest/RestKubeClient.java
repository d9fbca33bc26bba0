package io.minik8s.client.rest;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link KubeClient} over HTTP, on {@code java.net.http}: one pooled HTTP client shared by
 * a typed {@link ResourceClient} per kind, the kind's group, version, plural and scope looked up
 * in {@link Scheme#builtIn()} (client-go's clientset hands out {@code CoreV1().Pods(ns)} the
 * same way, each typed client over one shared {@code rest.RESTClient}).
 */
public final class RestKubeClient implements KubeClient {

  private final HttpTransport transport;
  private final Scheme scheme;
  private final Map<Class<?>, ResourceClient<?>> clients = new ConcurrentHashMap<>();

  public RestKubeClient(ClientConfig config) {
    this.transport = new HttpTransport(config);
    this.scheme = Scheme.builtIn();
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    return (ResourceClient<T>) clients.computeIfAbsent(type, t -> new RestResourceClient<>(
        transport, typeOf(type), type));
  }

  private ResourceType typeOf(Class<?> javaType) {
    for (ResourceType type : scheme.types()) {
      if (type.javaType().equals(javaType)) {
        return type;
      }
    }
    throw new IllegalArgumentException("the scheme serves no kind for " + javaType.getName()
        + "; known kinds: " + scheme.plurals());
  }

  @Override
  public String defaultNamespace() {
    return transport.config().namespace();
  }
}
