package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.server.ApiServer;
import io.minik8s.apiserver.server.ApiServerOptions;
import io.minik8s.objects.patch.JsonMergePatch;
import io.minik8s.store.EmbeddedStore;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;

/**
 * An in-process API server on an in-memory store, and a client for it: real storage, and
 * whichever other layers a test plugs in (none by default: everyone may do everything).
 */
final class TestServer implements AutoCloseable {

  static final ObjectMapper JSON = new ObjectMapper();

  final ApiServer server;
  final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A server that lets everyone do everything, with merge patch wired. */
  TestServer() {
    this(c -> c);
  }

  TestServer(UnaryOperator<ServerComponents> customize) {
    Clock clock = Clock.fixed(Instant.parse("2024-01-01T00:00:00Z"), ZoneOffset.UTC);
    server = ApiServer.start(ApiServerOptions.builder()
        .store(EmbeddedStore.inMemory(clock))
        .clock(clock)
        .randomSeed(42L)
        .requestThreads(4)
        .components((options, registries, store) -> customize.apply(ServerComponents.minimal()
            .withPatcher(TestServer::mergePatch)))
        .build());
  }

  /** JSON merge patch only (the real patcher comes with the patch layer). */
  static Unstructured mergePatch(String contentType, io.minik8s.objects.scheme.ResourceType type,
      Unstructured current, byte[] body) {
    if (!contentType.equals(MediaTypes.MERGE_PATCH)) {
      throw io.minik8s.apiserver.errors.StatusErrors.unsupportedMediaType(contentType,
          java.util.List.of(MediaTypes.MERGE_PATCH));
    }
    try {
      JsonNode patch = JSON.readTree(body);
      return Unstructured.of((com.fasterxml.jackson.databind.node.ObjectNode)
          JsonMergePatch.apply(current.json(), patch));
    } catch (IOException e) {
      throw io.minik8s.apiserver.errors.StatusErrors.badRequest(e.getMessage());
    }
  }

  record Response(int code, String text, String contentType) {

    JsonNode json() {
      try {
        return JSON.readTree(text);
      } catch (IOException e) {
        throw new AssertionError("response is not JSON: " + text, e);
      }
    }

    /** {@code code reason: message} of a Status, for assertion messages. */
    @Override
    public String toString() {
      return code + " " + text;
    }
  }

  Response get(String path) {
    return send("GET", path, null, null);
  }

  Response send(String method, String path, String body, String contentType) {
    return send(method, path, body, contentType, null);
  }

  Response send(String method, String path, String body, String contentType, String accept) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .timeout(Duration.ofSeconds(5))
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    if (accept != null) {
      request.header("Accept", accept);
    }
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(),
          response.headers().firstValue("Content-Type").orElse(""));
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  Response post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  Response put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  @Override
  public void close() {
    server.close();
  }
}
