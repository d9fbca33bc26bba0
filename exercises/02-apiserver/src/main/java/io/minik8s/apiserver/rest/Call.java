package io.minik8s.apiserver.rest;

import com.sun.net.httpserver.HttpExchange;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.objects.scheme.ResourceType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * One request on its way through the router: the exchange, what it means ({@link
 * RequestInfo}), who sent it, and its body, read at most once and never beyond {@link
 * #maxBodyBytes}.
 */
final class Call {

  final HttpExchange exchange;
  final Query query;
  final RequestInfo info;
  final UserInfo user;
  /** The resource addressed; null for non-resource requests. */
  final ResourceType type;
  private final long maxBodyBytes;
  private byte[] body;

  Call(HttpExchange exchange, Query query, RequestInfo info, UserInfo user, ResourceType type,
      long maxBodyBytes) {
    this.exchange = exchange;
    this.query = query;
    this.info = info;
    this.user = user;
    this.type = type;
    this.maxBodyBytes = maxBodyBytes;
  }

  Call withType(ResourceType type) {
    return new Call(exchange, query, info, user, type, maxBodyBytes);
  }

  /** The namespace the registry is asked for: the path's, or "" for cluster-scoped resources. */
  String namespace() {
    return type != null && type.namespaced() ? info.namespace() : "";
  }

  String contentType() {
    String value = exchange.getRequestHeaders().getFirst("Content-Type");
    return value == null ? "" : value;
  }

  /**
   * The request body.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 413 if it is larger than the limit
   */
  byte[] body() {
    if (body == null) {
      body = read();
    }
    return body;
  }

  private byte[] read() {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > maxBodyBytes) {
          throw StatusErrors.tooLarge("limit is " + maxBodyBytes);
        }
      } catch (NumberFormatException e) {
        throw StatusErrors.badRequest("malformed Content-Length \"" + length + "\"");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBodyBytes) {
          throw StatusErrors.tooLarge("limit is " + maxBodyBytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
