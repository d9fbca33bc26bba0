package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.admission.Operation;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.DeleteOptions;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.apiserver.subresource.PodBinding;
import io.minik8s.apiserver.subresource.PodEviction;
import io.minik8s.apiserver.subresource.PodLogSource;
import io.minik8s.apiserver.subresource.ScaleSubresource;
import io.minik8s.apiserver.subresource.StatusSubresource;
import io.minik8s.apiserver.subresource.Subresources;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP side of the subresources: {@code status}, {@code scale}, {@code binding}, {@code
 * eviction} and {@code log}. The rules of each live in {@link io.minik8s.apiserver.subresource};
 * this class reads the request, runs the rule inside the registry's read-modify-write, and
 * answers.
 */
final class SubresourceHandler {

  private final Scheme scheme;
  private final Registries registries;
  private final ServerComponents components;
  private final ResourceHandler resources;

  SubresourceHandler(Scheme scheme, Registries registries, ServerComponents components,
      ResourceHandler resources) {
    this.scheme = scheme;
    this.registries = registries;
    this.components = components;
    this.resources = resources;
  }

  Reply handle(Call call) {
    String verb = call.info.verb();
    return switch (call.info.subresource()) {
      case Subresources.STATUS -> switch (verb) {
        case "get" -> resources.get(call);
        case "update" -> updateStatus(call);
        case "patch" -> resources.patch(call, true);
        default -> ResourceHandler.unsupported();
      };
      case Subresources.SCALE -> switch (verb) {
        case "get" -> Reply.ok(ScaleSubresource.toScale(registry(call).get(call.namespace(),
            call.info.name())));
        case "update" -> updateScale(call);
        case "patch" -> patchScale(call);
        default -> ResourceHandler.unsupported();
      };
      case Subresources.BINDING -> verb.equals("create")
          ? bind(call, call.info.name()) : ResourceHandler.unsupported();
      case Subresources.EVICTION -> verb.equals("create")
          ? evict(call) : ResourceHandler.unsupported();
      case Subresources.LOG -> verb.equals("get") ? log(call) : ResourceHandler.unsupported();
      case Subresources.TOKEN -> verb.equals("create")
          ? Reply.created(components.tokenRequests().issue(
              registry(call).get(call.namespace(), call.info.name()),
              ResourceHandler.readBody(call)))
          : ResourceHandler.unsupported();
      case Subresources.FINALIZE -> verb.equals("update")
          ? finalizeNamespace(call) : ResourceHandler.unsupported();
      default -> throw ApiRouter.notFound();
    };
  }

  private ObjectRegistry registry(Call call) {
    return registries.forType(call.type);
  }

  private Reply updateStatus(Call call) {
    boolean dryRun = call.query.dryRun();
    Unstructured body = Unstructured.of(ResourceHandler.readBody(call));
    RequestObjects.checkForUpdate(call.type, call.namespace(), call.info.name(), body);
    Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
      Unstructured next = StatusSubresource.statusUpdate(current, body);
      resources.admit(call, Operation.UPDATE, next, current, dryRun);
      return next;
    }, dryRun);
    return Reply.ok(updated.json());
  }

  /** {@code PUT /api/v1/namespaces/<name>/finalize}: only {@code spec.finalizers} changes. */
  private Reply finalizeNamespace(Call call) {
    boolean dryRun = call.query.dryRun();
    Unstructured body = Unstructured.of(ResourceHandler.readBody(call));
    RequestObjects.checkForUpdate(call.type, call.namespace(), call.info.name(), body);
    Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
      Unstructured next = StatusSubresource.finalizersUpdate(current, body);
      resources.admit(call, Operation.UPDATE, next, current, dryRun);
      return next;
    }, dryRun);
    return Reply.ok(updated.json());
  }

  private Reply updateScale(Call call) {
    boolean dryRun = call.query.dryRun();
    ObjectNode scale = ResourceHandler.readBody(call);
    checkScaleKind(scale);
    Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
      Unstructured next = ScaleSubresource.applyScale(current.deepCopy(), scale);
      resources.admit(call, Operation.UPDATE, next, current, dryRun);
      return next;
    }, dryRun);
    return Reply.ok(ScaleSubresource.toScale(updated));
  }

  private Reply patchScale(Call call) {
    boolean dryRun = call.query.dryRun();
    String contentType = MediaTypes.essence(call.contentType());
    if (!MediaTypes.PATCH_TYPES.contains(contentType)
        || contentType.equals(MediaTypes.APPLY_PATCH)) {
      throw StatusErrors.unsupportedMediaType(contentType,
          MediaTypes.PATCH_TYPES.stream().filter(t -> !t.equals(MediaTypes.APPLY_PATCH)).toList());
    }
    byte[] body = call.body();
    Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
      Unstructured scale = Unstructured.of(ScaleSubresource.toScale(current));
      Unstructured patched = components.patcher().apply(contentType, call.type, scale, body);
      Unstructured next = ScaleSubresource.applyScale(current.deepCopy(), patched.json());
      resources.admit(call, Operation.UPDATE, next, current, dryRun);
      return next;
    }, dryRun);
    return Reply.ok(ScaleSubresource.toScale(updated));
  }

  private static void checkScaleKind(ObjectNode scale) {
    String kind = scale.path("kind").asText("");
    String apiVersion = scale.path("apiVersion").asText("");
    if (!kind.isEmpty() && !kind.equals(ScaleSubresource.KIND)
        || !apiVersion.isEmpty() && !apiVersion.equals(ScaleSubresource.API_VERSION)) {
      throw StatusErrors.badRequest("expected an " + ScaleSubresource.API_VERSION + " "
          + ScaleSubresource.KIND + ", got " + apiVersion + " " + kind);
    }
  }

  /** {@code POST .../pods/<name>/binding}. */
  Reply bind(Call call, String podName) {
    boolean dryRun = call.query.dryRun();
    ObjectNode binding = ResourceHandler.readBody(call);
    PodBinding.check(podName, binding);
    String namespace = binding.path("metadata").path("namespace").asText("");
    if (!namespace.isEmpty() && !namespace.equals(call.namespace())) {
      throw StatusErrors.badRequest(
          "the namespace of the provided object does not match the namespace sent on the request");
    }
    Unstructured bindingObject = Unstructured.of(binding.deepCopy());
    ObjectRegistry pods = registries.forType(podsType(call));
    pods.update(call.namespace(), podName, current -> {
      Unstructured next = PodBinding.bind(current, binding);
      components.admission().admit(new AdmissionRequest(
          Operation.CREATE, podsType(call), Subresources.BINDING, call.namespace(), podName,
          bindingObject, null, call.user, dryRun));
      return next;
    }, dryRun);
    return Reply.created(success(201));
  }

  /** {@code POST /api/v1/namespaces/<ns>/bindings}: the older form, the pod named in the body. */
  Reply bindingsCollection(Call call) {
    String podName = ResourceHandler.readBody(call).path("metadata").path("name").asText("");
    if (podName.isEmpty()) {
      throw StatusErrors.badRequest("a Binding needs metadata.name: the pod to bind");
    }
    return bind(call, podName);
  }

  private ResourceType podsType(Call call) {
    if (call.type.plural().equals("pods")) {
      return call.type;
    }
    return scheme.forResource(new GroupVersionResource("", "v1", "pods")).orElseThrow();
  }

  /** {@code POST .../pods/<name>/eviction}. */
  private Reply evict(Call call) {
    boolean dryRun = call.query.dryRun();
    ObjectNode eviction = ResourceHandler.readBody(call);
    DeleteOptions options = PodEviction.deleteOptions(call.info.name(), eviction, dryRun);
    ObjectRegistry pods = registry(call);
    Unstructured pod = pods.get(call.namespace(), call.info.name());
    resources.admit(call, Operation.CREATE, Unstructured.of(eviction.deepCopy()), pod, dryRun);
    pods.delete(call.namespace(), call.info.name(), options);
    return Reply.created(success(201));
  }

  /** {@code GET .../pods/<name>/log}: streams the container's log as text. */
  private Reply log(Call call) {
    Unstructured pod = registry(call).get(call.namespace(), call.info.name());
    String container = PodLogSource.container(pod, call.query.get("container"));
    Map<String, String> options = new LinkedHashMap<>();
    call.query.values().forEach((k, v) -> options.put(k, v.isEmpty() ? "" : v.get(0)));
    InputStream log = components.podLogs().open(pod, container, options); // may refuse: 503
    try (InputStream in = log) {
      call.exchange.getResponseHeaders().set("Content-Type", "text/plain");
      call.exchange.sendResponseHeaders(200, 0);
      try (OutputStream out = call.exchange.getResponseBody()) {
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
          out.write(buffer, 0, n);
          out.flush();
        }
      }
    } catch (IOException e) {
      // the headers are out: all we can do is stop; the client sees a short log
    } finally {
      call.exchange.close();
    }
    return null;
  }

  /** {@code {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Success","code":201}}. */
  static ObjectNode success(int code) {
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    status.put("code", code);
    return status;
  }
}
