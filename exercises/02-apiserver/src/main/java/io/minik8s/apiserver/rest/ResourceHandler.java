package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.admission.Operation;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.protobuf.ProtobufBodies;
import io.minik8s.apiserver.storage.DeleteOptions;
import io.minik8s.apiserver.storage.DeleteResult;
import io.minik8s.apiserver.storage.ListOptions;
import io.minik8s.apiserver.storage.ObjectList;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.apiserver.subresource.StatusSubresource;
import io.minik8s.objects.scheme.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;

/**
 * The verbs on a resource itself (not a subresource): get, list, watch, create, update, patch,
 * delete, deletecollection. Each reads its options and body, runs admission on writes, calls
 * the registry, and answers with the object, a list, or a Status.
 *
 * <p>Upstream: k8s.io/apiserver/pkg/endpoints/handlers ({@code get.go}, {@code create.go},
 * {@code update.go}, {@code patch.go}, {@code delete.go}, {@code watch.go}).
 */
final class ResourceHandler {

  private final Registries registries;
  private final ServerComponents components;
  private final Executor watchThreads;
  private final long defaultWatchTimeoutMillis;

  ResourceHandler(Registries registries, ServerComponents components, Executor watchThreads,
      long defaultWatchTimeoutMillis) {
    this.registries = registries;
    this.components = components;
    this.watchThreads = watchThreads;
    this.defaultWatchTimeoutMillis = defaultWatchTimeoutMillis;
  }

  /** Serves the request; null when a stream thread took it over (watch). */
  Reply handle(Call call) {
    String verb = call.info.verb();
    boolean named = !call.info.name().isEmpty()
        && !verb.equals("list") && !verb.equals("watch");
    boolean collection = call.info.name().isEmpty();
    // Upstream registers the legacy /watch/ paths for GET only, and PUT and PATCH for single
    // objects only: anything else there has no route (405), as in endpoints/installer.go.
    if (verb.equals("watch") && !call.exchange.getRequestMethod().equals("GET")) {
      return unsupported();
    }
    return switch (verb) {
      case "get" -> get(call);
      case "list" -> list(call);
      case "watch" -> watch(call);
      case "create" -> named ? unsupported() : create(call);
      case "update" -> collection ? unsupported() : update(call);
      case "patch" -> collection ? unsupported() : patch(call, false);
      case "delete" -> delete(call);
      case "deletecollection" -> deleteCollection(call);
      default -> unsupported();
    };
  }

  static Reply unsupported() {
    throw StatusErrors.methodNotAllowed();
  }

  ObjectRegistry registry(Call call) {
    return registries.forType(call.type);
  }

  Reply get(Call call) {
    Unstructured object = registry(call).get(call.namespace(), call.info.name());
    return Reply.ok(render(call, object));
  }

  Reply list(Call call) {
    ListQuery query = ListQuery.parse(call.query, call.type);
    ObjectList page = registry(call).list(call.namespace(), query.listOptions(call.info.name()));
    ObjectNode metadata = Json.object();
    if (!page.resourceVersion().isEmpty()) {
      metadata.put("resourceVersion", page.resourceVersion());
    }
    if (!page.continueToken().isEmpty()) {
      metadata.put("continue", page.continueToken());
    }
    if (page.remainingItemCount() != null && !page.continueToken().isEmpty()) {
      metadata.put("remainingItemCount", page.remainingItemCount());
    }
    if (rendering(call) == MediaTypes.Rendering.TABLE) {
      ObjectNode table = components.tables().toTable(call.type, page.items());
      table.set("metadata", metadata);
      return Reply.ok(table);
    }
    return Reply.ok(list(call.type, metadata, page.items()));
  }

  /** A {@code <Kind>List} of {@code items}. */
  static ObjectNode list(ResourceType type, ObjectNode metadata, List<Unstructured> items) {
    ObjectNode list = Json.object();
    list.put("kind", type.listKind());
    list.put("apiVersion", type.kind().apiVersion());
    list.set("metadata", metadata);
    ArrayNode array = list.putArray("items");
    items.forEach(item -> array.add(item.json()));
    return list;
  }

  private Reply watch(Call call) {
    ListQuery query = ListQuery.parse(call.query, call.type);
    long timeout = query.timeoutSeconds() == null
        ? defaultWatchTimeoutMillis : query.timeoutSeconds() * 1000;
    UnaryOperator<ObjectNode> render = rendering(call) == MediaTypes.Rendering.TABLE
        ? WatchStream.asTable(components.tables(), call.type) : WatchStream.asIs();
    watchThreads.execute(new WatchStream(call, registry(call),
        query.watchOptions(call.info.name()), timeout, render));
    return null;
  }

  private Reply create(Call call) {
    if (call.type.namespaced() && call.info.namespace().isEmpty()) {
      throw StatusErrors.methodNotAllowed(); // POST /api/v1/pods: create needs a namespace
    }
    boolean dryRun = call.query.dryRun();
    Unstructured object = Unstructured.of(readBody(call));
    RequestObjects.checkForCreate(call.type, call.namespace(), object);
    components.fieldManager().recordUpdate(null, object, manager(call));
    admit(call, Operation.CREATE, object, null, dryRun);
    return Reply.created(registry(call).create(object, dryRun).json());
  }

  private Reply update(Call call) {
    boolean dryRun = call.query.dryRun();
    Unstructured body = Unstructured.of(readBody(call));
    RequestObjects.checkForUpdate(call.type, call.namespace(), call.info.name(), body);
    Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
      Unstructured next = StatusSubresource.keepStatus(call.type, current, body.deepCopy());
      components.fieldManager().recordUpdate(current, next, manager(call));
      admit(call, Operation.UPDATE, next, current, dryRun);
      return next;
    }, dryRun);
    return Reply.ok(updated.json());
  }

  /**
   * PATCH on the object, or on its {@code /status} ({@code statusOnly}): the patch is applied
   * to the stored object inside the registry's read-modify-write, so concurrent patches never
   * lose each other's changes. Server-side apply may also create the object.
   */
  Reply patch(Call call, boolean statusOnly) {
    boolean dryRun = call.query.dryRun();
    String contentType = MediaTypes.essence(call.contentType());
    if (!MediaTypes.PATCH_TYPES.contains(contentType)) {
      throw StatusErrors.unsupportedMediaType(contentType, MediaTypes.PATCH_TYPES);
    }
    boolean apply = contentType.equals(MediaTypes.APPLY_PATCH);
    // an apply without fieldManager is refused by server-side apply itself (422, as upstream)
    String fieldManager = call.query.get("fieldManager");
    if (!apply && call.query.has("force")) {
      throw StatusErrors.badRequest("force must be false for non-apply patch requests");
    }
    boolean force = call.query.bool("force");
    byte[] body = call.body();
    if (body.length == 0) {
      throw StatusErrors.badRequest("the request body is empty: expected a patch");
    }
    UnaryOperator<Unstructured> patchOf = current -> apply
        ? components.apply().apply(call.type, current.deepCopy(), body, fieldManager, force)
        : components.patcher().apply(contentType, call.type, current.deepCopy(), body);
    try {
      Unstructured updated = registry(call).update(call.namespace(), call.info.name(), current -> {
        Unstructured patched = patchOf.apply(current);
        Unstructured next = statusOnly
            ? StatusSubresource.statusUpdate(current, patched)
            : StatusSubresource.keepStatus(call.type, current, patched);
        if (!apply) {
          components.fieldManager().recordUpdate(current, next, manager(call));
        }
        admit(call, Operation.UPDATE, next, current, dryRun);
        return next;
      }, dryRun);
      return Reply.ok(updated.json());
    } catch (ApiException e) {
      if (!apply || statusOnly || e.code() != 404) {
        throw e;
      }
    }
    // server-side apply of an object that does not exist yet creates it
    Unstructured created = components.apply().apply(call.type, null, body, fieldManager, force);
    if (created.name().isEmpty()) {
      created.setName(call.info.name());
    }
    RequestObjects.checkForUpdate(call.type, call.namespace(), call.info.name(), created);
    admit(call, Operation.CREATE, created, null, dryRun);
    return Reply.created(registry(call).create(created, dryRun).json());
  }

  private Reply delete(Call call) {
    DeleteOptions options = DeleteRequests.parse(call.query, call.body(), call.contentType());
    ObjectRegistry registry = registry(call);
    Unstructured current = registry.get(call.namespace(), call.info.name());
    admit(call, Operation.DELETE, null, current, options.dryRun());
    DeleteResult result = registry.delete(call.namespace(), call.info.name(), options);
    return Reply.ok(deleted(call.type, result));
  }

  /**
   * What a delete answers: the object while its deletion is pending (finalizers, a grace
   * period), and once it is gone a Success Status naming it, except for pods, which answer with
   * the deleted object (upstream's {@code ReturnDeletedObject}).
   */
  static ObjectNode deleted(ResourceType type, DeleteResult result) {
    boolean returnsObject = type.kind().group().isEmpty() && type.plural().equals("pods");
    if (!result.deleted() || returnsObject) {
      return result.object().json();
    }
    ObjectNode status = Json.object();
    status.put("kind", "Status");
    status.put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Success");
    ObjectNode details = status.putObject("details");
    details.put("name", result.object().name());
    if (!type.kind().group().isEmpty()) {
      details.put("group", type.kind().group());
    }
    details.put("kind", type.plural());
    details.put("uid", result.object().uid());
    return status;
  }

  private Reply deleteCollection(Call call) {
    DeleteOptions options = DeleteRequests.parse(call.query, call.body(), call.contentType());
    ListQuery query = ListQuery.parse(call.query, call.type);
    ObjectRegistry registry = registry(call);
    ObjectList all = registry.list(call.namespace(),
        new ListOptions(query.predicate(""), 0, "", ""));
    List<Unstructured> deleted = new ArrayList<>();
    for (Unstructured item : all.items()) {
      try {
        admit(call, Operation.DELETE, null, item, options.dryRun());
        deleted.add(registry.delete(item.namespace(), item.name(), options).object());
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e; // gone meanwhile is fine; anything else stops the collection delete
        }
      }
    }
    ObjectNode metadata = Json.object();
    metadata.put("resourceVersion", all.resourceVersion());
    return Reply.ok(list(call.type, metadata, deleted));
  }

  /**
   * Who writes, for managedFields: the {@code fieldManager} parameter, else the program name
   * that starts the User-Agent ({@code kubectl/v1.33.9 (linux/amd64)...} gives {@code kubectl}),
   * as upstream's {@code managerOrUserAgent} in k8s.io/apiserver/pkg/endpoints/handlers/rest.go.
   */
  static String manager(Call call) {
    String fieldManager = call.query.get("fieldManager");
    if (!fieldManager.isEmpty()) {
      return fieldManager;
    }
    String agent = call.exchange.getRequestHeaders().getFirst("User-Agent");
    if (agent == null || agent.isBlank()) {
      return "unknown";
    }
    String program = agent.split("/", 2)[0].trim();
    return program.length() > 128 ? program.substring(0, 128) : program;
  }

  /** Runs admission for a write of {@code call}'s resource (or subresource). */
  void admit(Call call, Operation operation, Unstructured object, Unstructured old,
      boolean dryRun) {
    String name = object != null && !object.name().isEmpty() ? object.name() : call.info.name();
    components.admission().admit(new AdmissionRequest(operation, call.type,
        call.info.subresource(), call.namespace(), name, object, old, call.user, dryRun));
  }

  /**
   * The body of a create or update, JSON, YAML or protobuf.
   *
   * @throws ApiException 415 for another Content-Type; 400 for a malformed body; 413 too large
   */
  static ObjectNode readBody(Call call) {
    String contentType = MediaTypes.essence(call.contentType());
    if (!contentType.isEmpty() && !MediaTypes.BODY_TYPES.contains(contentType)) {
      throw StatusErrors.unsupportedMediaType(contentType, MediaTypes.BODY_TYPES);
    }
    if (contentType.equals(MediaTypes.PROTOBUF)) {
      // An envelope without typeMeta is the kind the URL addresses (never for a subresource).
      boolean own = call.type != null && call.info.subresource().isEmpty();
      return ProtobufBodies.decode(call.body(), own ? call.type.kind().apiVersion() : null,
          own ? call.type.kind().kind() : null);
    }
    return Json.readObject(call.body(), contentType);
  }

  MediaTypes.Rendering rendering(Call call) {
    return MediaTypes.negotiate(call.exchange.getRequestHeaders().getFirst("Accept"),
        components.tables() != null);
  }

  /** One object as the client asked for it: itself, or a one-row Table. */
  ObjectNode render(Call call, Unstructured object) {
    if (rendering(call) == MediaTypes.Rendering.TABLE) {
      return components.tables().toTable(call.type, List.of(object));
    }
    return object.json();
  }
}
