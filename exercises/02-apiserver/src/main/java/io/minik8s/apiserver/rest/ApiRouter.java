package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.auth.authz.Attributes;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.apiserver.request.RequestInfoResolver;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.apiserver.subresource.Subresources;
import io.minik8s.objects.meta.Status;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;

/**
 * The front door: every request goes through the same filters, in upstream's order, before a
 * handler sees it.
 *
 * <pre>
 *  request ─▶ authenticate (401) ─▶ resolve RequestInfo ─▶ authorize (403)
 *          ─▶ non-resource path?  health, discovery, OpenAPI (404 otherwise)
 *          ─▶ resource known? (404)  ─▶ verb handler (ResourceHandler / SubresourceHandler)
 *          ─▶ JSON, Table or YAML;  every error a Status with its code
 * </pre>
 *
 * <p>Whatever a handler throws ends as a Status: an {@link ApiException} with its own code, any
 * other exception as 500 InternalError (logged, no stack trace to the client): a 500 is always
 * a bug of the server, never the client's fault.
 *
 * <p>Upstream: the handler chain of k8s.io/apiserver/pkg/server/config.go ({@code
 * DefaultBuildHandlerChain}: WithAuthentication, WithRequestInfo, WithAuthorization) and the
 * REST handlers of k8s.io/apiserver/pkg/endpoints/handlers.
 */
public final class ApiRouter implements HttpHandler {

  private static final Logger LOG = System.getLogger(ApiRouter.class.getName());

  /** The largest body accepted, as upstream's {@code MaxRequestBodyBytes} (3 MiB). */
  public static final long MAX_BODY_BYTES = 3L * 1024 * 1024;

  private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");

  private final Scheme scheme;
  private final ServerComponents components;
  private final RequestInfoResolver resolver = new RequestInfoResolver();
  private final ResourceHandler resources;
  private final SubresourceHandler subresources;

  /**
   * @param watchThreads runs each watch stream on a thread of its own, so long-lived watches
   *     never starve the bounded pool that serves ordinary requests
   * @param defaultWatchTimeoutMillis how long a watch without {@code timeoutSeconds} lasts
   */
  public ApiRouter(Scheme scheme, Registries registries, ServerComponents components,
      Executor watchThreads, long defaultWatchTimeoutMillis) {
    this.scheme = scheme;
    this.components = components;
    this.resources = new ResourceHandler(registries, components, watchThreads,
        defaultWatchTimeoutMillis);
    this.subresources = new SubresourceHandler(scheme, registries, components, resources);
  }

  @Override
  public void handle(HttpExchange exchange) {
    Call call = null;
    boolean handedOff = false;
    try {
      Query query = Query.parse(exchange.getRequestURI().getRawQuery());
      UserInfo user = components.authentication()
          .authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
      String path = exchange.getRequestURI().getPath();
      RequestInfo info = resolver.resolve(exchange.getRequestMethod(), path, query.values());
      call = new Call(exchange, query, info, user, null, MAX_BODY_BYTES);
      authorize(user, info);
      if ("websocket".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Upgrade"))) {
        // The JDK's HttpServer cannot switch protocols, so WebSocket is a service this server
        // does not offer: 503, on which clients that try WebSocket watches first (fabric8's
        // BaseOperation.submitWatch falls back on 200 or 503) watch over plain HTTP instead.
        throw StatusErrors.unavailable("this server does not upgrade to WebSocket: watch with a "
            + "plain GET and ?watch=true");
      }
      if (!info.resourceRequest()) {
        nonResource(call);
        return;
      }
      if (isAccessReview(info)) {
        send(call, Reply.created(components.accessReviews().review(user,
            ResourceHandler.readBody(call))));
        return;
      }
      call = call.withType(resourceType(info));
      Reply reply;
      if (!info.subresource().isEmpty()) {
        reply = subresources.handle(call);
      } else if (isBindings(call.type) && info.verb().equals("create")) {
        reply = subresources.bindingsCollection(call);
      } else {
        reply = resources.handle(call);
      }
      if (reply == null) {
        handedOff = true; // a watch or a log stream: its own thread answers and closes
        return;
      }
      send(call, reply);
    } catch (ApiException e) {
      sendStatus(call == null ? new Call(exchange, Query.empty(), null, null, null, 0) : call, e);
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "internal error serving " + exchange.getRequestMethod() + " "
          + exchange.getRequestURI(), e);
      sendStatus(call == null ? new Call(exchange, Query.empty(), null, null, null, 0) : call,
          StatusErrors.internal("the server could not serve the request; see its log"));
    } finally {
      if (!handedOff) {
        try (java.io.InputStream body = exchange.getRequestBody()) {
          Call.drain(body, new byte[8192]);
        } catch (java.io.IOException e) {
          // the client went away: nothing left to keep the connection for
        }
        exchange.close();
      }
    }
  }

  /** {@code POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews} ({@code kubectl auth can-i}). */
  private static boolean isAccessReview(RequestInfo info) {
    return info.apiGroup().equals("authorization.k8s.io") && info.apiVersion().equals("v1")
        && info.resource().equals("selfsubjectaccessreviews") && info.name().isEmpty()
        && info.verb().equals("create");
  }

  private static boolean isBindings(ResourceType type) {
    return type.kind().group().isEmpty() && type.plural().equals("bindings");
  }

  /**
   * Asks the authorizer.
   *
   * @throws ApiException 403 Forbidden with upstream's message
   */
  private void authorize(UserInfo user, RequestInfo info) {
    Decision decision = components.authorizer().authorize(new Attributes(user, info));
    if (decision.allowed()) {
      return;
    }
    String why = forbiddenMessage(user, info)
        + (decision.reason() == null || decision.reason().isEmpty() ? "" : ": " + decision.reason());
    if (!info.resourceRequest()) {
      throw new ApiException(Status.failure(403, "Forbidden", "forbidden: " + why, null));
    }
    String resource = info.apiGroup().isEmpty()
        ? info.resource() : info.resource() + "." + info.apiGroup();
    String subject = info.name().isEmpty() ? resource : resource + " \"" + info.name() + "\"";
    throw new ApiException(Status.failure(403, "Forbidden", subject + " is forbidden: " + why,
        new io.minik8s.objects.meta.StatusDetails(info.name(), info.apiGroup(), info.resource(),
            java.util.List.of())));
  }

  /**
   * Why a request is refused, word for word as upstream ({@code forbiddenMessage} in
   * k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go): {@code User "alice"
   * cannot list resource "pods" in API group "" in the namespace "default"}.
   */
  public static String forbiddenMessage(UserInfo user, RequestInfo info) {
    String name = user == null ? "" : user.name();
    if (!info.resourceRequest()) {
      return "User \"" + name + "\" cannot " + info.verb() + " path \"" + info.path() + "\"";
    }
    String resource = info.subresource().isEmpty()
        ? info.resource() : info.resource() + "/" + info.subresource();
    String where = info.namespace().isEmpty()
        ? "at the cluster scope" : "in the namespace \"" + info.namespace() + "\"";
    return "User \"" + name + "\" cannot " + info.verb() + " resource \"" + resource
        + "\" in API group \"" + info.apiGroup() + "\" " + where;
  }

  /**
   * The type a resource request addresses, after checking the path fits it.
   *
   * @throws ApiException 404 NotFound for unknown resources, a wrong scope, an unknown
   *     subresource or extra path segments
   */
  private ResourceType resourceType(RequestInfo info) {
    ResourceType type = scheme.forResource(
            new GroupVersionResource(info.apiGroup(), info.apiVersion(), info.resource()))
        .orElseThrow(ApiRouter::notFound);
    boolean namespacedPath = !info.namespace().isEmpty()
        && !(type.plural().equals("namespaces") && type.kind().group().isEmpty());
    if (namespacedPath != type.namespaced() && (namespacedPath || nameInPath(info))) {
      throw notFound(); // /api/v1/namespaces/a/nodes/n1 or /api/v1/pods/web
    }
    if (!info.subresource().isEmpty() && !Subresources.serves(type, info.subresource())) {
      throw notFound();
    }
    if (!canonical(info).equals(trim(info.path()))) {
      throw notFound(); // e.g. /api/v1/namespaces/ns/pods/web/status/extra
    }
    return type;
  }

  /** The path a resource request would have if written the usual way. */
  private static String canonical(RequestInfo info) {
    StringBuilder path = new StringBuilder(info.apiGroup().isEmpty()
        ? "/api/" + info.apiVersion() : "/apis/" + info.apiGroup() + "/" + info.apiVersion());
    boolean legacyWatch = info.path().startsWith(path + "/watch/");
    if (legacyWatch) {
      path.append("/watch");
    }
    boolean namespaceObject = info.resource().equals("namespaces");
    if (!info.namespace().isEmpty() && !namespaceObject) {
      path.append("/namespaces/").append(info.namespace());
    }
    path.append('/').append(info.resource());
    if (nameInPath(info)) {
      path.append('/').append(info.name());
      if (!info.subresource().isEmpty()) {
        path.append('/').append(info.subresource());
      }
    }
    return path.toString();
  }

  /** Whether the name is in the path, not taken from a {@code metadata.name=x} field selector. */
  private static boolean nameInPath(RequestInfo info) {
    boolean collectionVerb = info.verb().equals("list") || info.verb().equals("watch");
    return !info.name().isEmpty()
        && !(collectionVerb && trim(info.path()).endsWith("/" + info.resource()));
  }

  private static String trim(String path) {
    String trimmed = path;
    while (trimmed.endsWith("/") && trimmed.length() > 1) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    return trimmed;
  }

  static ApiException notFound() {
    return StatusErrors.pathNotFound("the server could not find the requested resource");
  }

  private void nonResource(Call call) throws ApiException {
    String path = trim(call.info.path());
    String method = call.exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      throw isKnownPath(path) ? StatusErrors.methodNotAllowed() : notFound();
    }
    if (HEALTH.contains(path)) {
      boolean ready = !path.equals("/readyz") || components.ready().getAsBoolean();
      sendText(call, ready ? 200 : 500, ready ? "ok" : "[-]store failed: not ready\nreadyz check failed");
      return;
    }
    Optional<JsonNode> document = path.startsWith("/openapi/")
        ? components.openApi().get(path)
        : components.discovery().get(path);
    send(call, Reply.ok(document.orElseThrow(ApiRouter::notFound)));
  }

  private boolean isKnownPath(String path) {
    return HEALTH.contains(path) || components.discovery().get(path).isPresent();
  }

  /** Writes a reply as JSON (indented with {@code ?pretty}), or YAML if the client asked. */
  static void send(Call call, Reply reply) {
    boolean yaml = "application/yaml".equals(MediaTypes.essence(
        call.exchange.getRequestHeaders().getFirst("Accept")));
    byte[] bytes = yaml ? Json.writeYaml(reply.body())
        : Json.write(reply.body(), call.query.pretty());
    write(call.exchange, reply.code(), yaml ? MediaTypes.YAML : MediaTypes.JSON, bytes);
  }

  /** Writes a Status error. */
  static void sendStatus(Call call, ApiException e) {
    write(call.exchange, e.code(), MediaTypes.JSON, Json.write(Json.status(e.status()), false));
  }

  private static void sendText(Call call, int code, String text) {
    write(call.exchange, code, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
  }

  static void write(HttpExchange exchange, int code, String contentType, byte[] bytes) {
    try {
      exchange.getResponseHeaders().set("Content-Type", contentType);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(code, head ? -1 : bytes.length == 0 ? -1 : bytes.length);
      if (!head && bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "client went away before the response was written", e);
    } catch (IllegalStateException e) {
      LOG.log(Level.DEBUG, "response already started", e); // headers sent, e.g. a watch
    }
  }
}
