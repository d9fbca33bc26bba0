package io.minik8s.apiserver.rest;

import com.sun.net.httpserver.HttpExchange;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.errors.ApiException;
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
  /** How much of a too-large body is still read (and dropped) so its client sees the 413. */
  static final long DRAIN_LIMIT = 16L << 20;

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
    long declared = -1;
    if (length != null) {
      try {
        declared = Long.parseLong(length.trim());
      } catch (NumberFormatException e) {
        throw StatusErrors.badRequest("malformed Content-Length \"" + length + "\"");
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = exchange.getRequestBody()) {
      if (declared > maxBodyBytes) {
        throw tooLarge(in, declared, buffer);
      }
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBodyBytes) {
          throw tooLarge(in, declared, buffer);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * The 413 for a body over the limit. A body up to {@link #DRAIN_LIMIT} is read to its end
   * first and dropped: a client still sending when the answer comes and the connection closes
   * sees a broken pipe instead of the 413 (the JDK's HttpClient does). A larger one is not
   * worth reading; its client gets the reset.
   */
  private ApiException tooLarge(InputStream in, long declared, byte[] buffer) throws IOException {
    if (declared <= DRAIN_LIMIT) {
      drain(in, buffer);
    }
    return StatusErrors.tooLarge("limit is " + maxBodyBytes);
  }

  /**
   * Reads and drops what is left of a request body, up to {@link #DRAIN_LIMIT}. The router does
   * this after every answer: a body the handler never read (a request refused before its body
   * mattered) would otherwise make the JDK's HttpServer close the connection, and a client
   * reusing it would see no answer to its next request.
   */
  static void drain(InputStream in, byte[] buffer) throws IOException {
    long drained = 0;
    int n;
    while (drained <= DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
      drained += n;
    }
  }
}
