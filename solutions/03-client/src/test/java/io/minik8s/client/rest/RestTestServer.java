package io.minik8s.client.rest;

import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.store.EmbeddedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * A real API server (module 02) in this process, on an in-memory store, plain HTTP, and a
 * {@link RestKubeClient} for it with the admin token. Tests share one per class and keep apart by
 * unique object names.
 */
public final class RestTestServer implements AutoCloseable {

  public static final Clock CLOCK =
      Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);

  public final ApiServer server;
  public final RestKubeClient client;

  public RestTestServer() {
    this(b -> b);
  }

  public RestTestServer(UnaryOperator<ApiServerOptions.Builder> customize) {
    server = ApiServer.start(customize.apply(ApiServerOptions.builder()
        .store(EmbeddedStore.inMemory(CLOCK))
        .clock(CLOCK)
        .randomSeed(42L)
        .requestThreads(4)
        .tls(false)).build());
    client = new RestKubeClient(ClientConfig.of(server.url(), server.adminToken()));
    warmUp();
  }

  /**
   * One request straight through java.net.http, so the server's first-request cost (class
   * loading, JIT) is paid in the fixture, not in the first test's time limit.
   */
  private void warmUp() {
    try {
      HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(server.url() + "/api/v1/namespaces/default/pods"))
          .header("Authorization", "Bearer " + server.adminToken()).build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A client for this server with another bearer token (null: anonymous). */
  public RestKubeClient clientWithToken(String token) {
    return new RestKubeClient(ClientConfig.of(server.url(), token));
  }

  @Override
  public void close() {
    server.close();
  }

  public static Pod pod(String name, String labels) {
    return Codec.fromJson("""
        {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","namespace":"default",
         "labels":{%s}},
         "spec":{"containers":[{"name":"c","image":"minik8s/web:1"}]}}
        """.formatted(name, labels), Pod.class);
  }

  public static Pod pod(String name) {
    return pod(name, "");
  }

  public static Deployment deployment(String name, int replicas) {
    return Codec.fromJson("""
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"%1$s"},
         "spec":{"replicas":%2$d,"selector":{"matchLabels":{"app":"%1$s"}},
          "template":{"metadata":{"labels":{"app":"%1$s"}},
           "spec":{"containers":[{"name":"c","image":"minik8s/web:1"}]}}}}
        """.formatted(name, replicas), Deployment.class);
  }

  public static Node node(String name) {
    return Codec.fromJson("""
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"%s"}}
        """.formatted(name), Node.class);
  }

  public static Lease lease(String name, String holder) {
    return Codec.fromJson("""
        {"apiVersion":"coordination.k8s.io/v1","kind":"Lease",
         "metadata":{"name":"%s","namespace":"kube-node-lease"},
         "spec":{"holderIdentity":"%s","leaseDurationSeconds":40}}
        """.formatted(name, holder), Lease.class);
  }
}
