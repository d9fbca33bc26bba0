package io.minik8s.client.rest;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.config.TlsContexts;
import io.minik8s.client.errors.StatusExceptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The HTTP plumbing under every typed client: one {@link HttpClient} per {@link RestKubeClient}
 * (connections are pooled and shared by every kind), the headers every request carries, and the
 * mapping of a failed answer to an exception.
 *
 * <p>Headers: {@code Authorization: Bearer <token>} when the config has one, {@code Accept:
 * application/json}, {@code User-Agent: minik8s-client}. Non-watch requests time out after
 * {@link ClientConfig#requestTimeout()}; a watch has no timeout of its own (it lasts as long as
 * the server keeps it, or until the caller closes it).
 */
final class HttpTransport {

  static final String USER_AGENT = "minik8s-client";
  static final String JSON = "application/json";

  private final ClientConfig config;
  private final HttpClient http;

  HttpTransport(ClientConfig config) {
    this.config = config;
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .version(HttpClient.Version.HTTP_1_1);
    if ("https".equals(config.server().getScheme())) {
      builder.sslContext(TlsContexts.forConfig(config));
    }
    this.http = builder.build();
  }

  ClientConfig config() {
    return config;
  }

  /**
   * Sends one request and returns the body of its 2xx answer.
   *
   * @param pathAndQuery e.g. {@code /api/v1/namespaces/default/pods?limit=10}
   * @param body null for none
   * @throws io.minik8s.client.errors.ApiStatusException for a non-2xx answer
   * @throws UncheckedIOException if the server cannot be reached
   */
  String send(String method, String pathAndQuery, String body, String contentType) {
    HttpRequest request = request(pathAndQuery)
        .timeout(config.requestTimeout())
        .method(method, body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .header("Content-Type", contentType == null ? JSON : contentType)
        .build();
    HttpResponse<String> response = exchange(request,
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    if (response.statusCode() / 100 != 2) {
      throw StatusExceptions.from(response.statusCode(), response.body());
    }
    return response.body();
  }

  /**
   * Opens a watch: returns the body stream once the server answered 2xx with its headers.
   *
   * @throws io.minik8s.client.errors.ApiStatusException for a non-2xx answer (e.g. 410)
   */
  InputStream openStream(String pathAndQuery) {
    HttpRequest request = request(pathAndQuery).GET().build();
    HttpResponse<InputStream> response =
        exchange(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() / 100 != 2) {
      String text;
      try (InputStream in = response.body()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        text = "";
      }
      throw StatusExceptions.from(response.statusCode(), text);
    }
    return response.body();
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(pathAndQuery))
        .header("Accept", JSON)
        .header("User-Agent", USER_AGENT);
    if (config.bearerToken() != null && !config.bearerToken().isEmpty()) {
      builder.header("Authorization", "Bearer " + config.bearerToken());
    }
    return builder;
  }

  private URI uri(String pathAndQuery) {
    String base = config.server().toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return URI.create(base + pathAndQuery);
  }

  private <B> HttpResponse<B> exchange(HttpRequest request, HttpResponse.BodyHandler<B> handler) {
    try {
      return http.send(request, handler);
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri() + " failed: "
          + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException(request.method() + " "
          + request.uri() + " interrupted"));
    }
  }
}
