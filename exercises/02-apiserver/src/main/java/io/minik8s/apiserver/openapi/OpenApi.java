package io.minik8s.apiserver.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.discovery.Discovery;
import io.minik8s.objects.scheme.GroupVersion;
import io.minik8s.objects.scheme.GroupVersionKind;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The OpenAPI v3 documents of the server: one index and one document per group-version.
 *
 * <pre>
 * GET /openapi/v3              -> index()   {"paths":{"api/v1":{"serverRelativeURL":"/openapi/v3/api/v1?hash=..."},
 *                                                   "apis/apps/v1":{...}}}
 * GET /openapi/v3/api/v1       -> document("api/v1")        OpenAPI 3.0: paths + components.schemas
 * GET /openapi/v3/apis/apps/v1 -> document("apis/apps/v1")
 * </pre>
 *
 * <p>What kubectl 1.33 reads from them:
 *
 * <ul>
 *   <li>{@code kubectl explain pod.spec.containers} (k8s.io/kubectl/pkg/explain/v2, template
 *       plaintext.tmpl) finds the resource's kind through the {@code x-kubernetes-group-version-kind}
 *       of an operation on {@code /api/v1/namespaces/{namespace}/pods} (or the cluster-scoped
 *       path), then the component schema whose {@code x-kubernetes-group-version-kind} list holds
 *       that kind, and walks {@code properties}, {@code items} and {@code allOf} $refs.
 *   <li>{@code kubectl apply/create} (k8s.io/cli-runtime/pkg/resource/query_param_verifier_v3.go)
 *       looks for a PATCH operation of the kind whose parameters include the query parameter
 *       {@code fieldValidation}. Found: the server validates fields, kubectl sends {@code
 *       fieldValidation=Strict} and validates nothing itself. Not found: kubectl downloads the
 *       OpenAPI v2 document, which this server does not serve. So every PATCH operation here
 *       declares {@code fieldValidation}, and client-side schema validation never runs: fields
 *       our records keep as unknown can never make kubectl reject a manifest. Honouring {@code
 *       Strict} is the REST layer's choice (this server keeps unknown fields, so it accepts them).
 * </ul>
 *
 * <p>Documents are built once, at construction, and the index carries a hash of each (upstream:
 * the SHA-512 ETag of k8s.io/kube-openapi/pkg/handler3) so clients can cache them.
 */
public final class OpenApi {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /** Document by path key ({@code api/v1}, {@code apis/apps/v1}), in scheme order. */
  private final Map<String, ObjectNode> documents = new LinkedHashMap<>();
  private final Map<String, String> hashes = new LinkedHashMap<>();

  public OpenApi(Scheme scheme) {
    Map<GroupVersion, List<ResourceType>> byGroupVersion = new LinkedHashMap<>();
    for (ResourceType type : scheme.types()) {
      byGroupVersion.computeIfAbsent(type.kind().groupVersion(), gv -> new java.util.ArrayList<>())
          .add(type);
    }
    byGroupVersion.forEach((gv, types) -> {
      String key = pathKey(gv);
      ObjectNode document = build(types);
      documents.put(key, document);
      hashes.put(key, sha512(document.toString()));
    });
  }

  /** {@code api/v1} for the core group, {@code apis/<group>/<version>} for the others. */
  public static String pathKey(GroupVersion gv) {
    return gv.group().isEmpty() ? "api/" + gv.version() : "apis/" + gv.group() + "/" + gv.version();
  }

  /** {@code GET /openapi/v3}: where each group-version's document is. */
  public ObjectNode index() {
    ObjectNode index = JSON.objectNode();
    ObjectNode paths = index.putObject("paths");
    hashes.forEach((key, hash) -> paths.putObject(key)
        .put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash));
    return index;
  }

  /**
   * {@code GET /openapi/v3/<path>}: the document of one group-version; {@code path} is {@code
   * api/v1} or {@code apis/apps/v1}, with or without a leading {@code /} or {@code /openapi/v3/}
   * and a query ({@code ?hash=...}).
   * Empty for a group-version the server does not serve (the caller answers 404).
   */
  public Optional<ObjectNode> document(String path) {
    String key = path;
    int query = key.indexOf('?');
    if (query >= 0) {
      key = key.substring(0, query);
    }
    if (key.startsWith("/openapi/v3/")) {
      key = key.substring("/openapi/v3/".length());
    }
    if (key.startsWith("/")) {
      key = key.substring(1);
    }
    return Optional.ofNullable(documents.get(key));
  }

  private static ObjectNode build(List<ResourceType> types) {
    SchemaGenerator generator = new SchemaGenerator();
    ObjectNode paths = JSON.objectNode();
    for (ResourceType type : types) {
      String name = generator.define(type.javaType());
      ObjectNode schema = generator.schemas().get(name);
      schema.set("x-kubernetes-group-version-kind", gvkList(type.kind()));
      String listName = defineList(generator, type, name);
      addPaths(paths, type, name, listName);
    }
    ObjectNode document = JSON.objectNode();
    document.put("openapi", "3.0.0");
    document.putObject("info").put("title", "Kubernetes").put("version", Discovery.GIT_VERSION);
    document.set("paths", paths);
    ObjectNode schemas = document.putObject("components").putObject("schemas");
    generator.schemas().forEach(schemas::set);
    return document;
  }

  /** {@code PodList}: apiVersion, kind, ListMeta metadata and the items. */
  private static String defineList(SchemaGenerator generator, ResourceType type, String itemName) {
    String listMeta = generator.define(io.minik8s.objects.meta.ListMeta.class);
    ObjectNode list = JSON.objectNode();
    list.put("description", type.listKind() + " is a list of " + type.kind().kind() + ".");
    list.put("type", "object");
    ObjectNode properties = list.putObject("properties");
    properties.putObject("apiVersion").put("type", "string").put("description", "Api version.");
    properties.putObject("kind").put("type", "string").put("description", "Kind.");
    ObjectNode items = properties.putObject("items").put("type", "array");
    items.put("description", "The " + type.plural() + ".");
    items.putObject("items").putArray("allOf").addObject()
        .put("$ref", SchemaGenerator.REF_PREFIX + itemName);
    ObjectNode metadata = properties.putObject("metadata");
    metadata.putArray("allOf").addObject().put("$ref", SchemaGenerator.REF_PREFIX + listMeta);
    metadata.put("description", "Standard list metadata.");
    list.putArray("required").add("items");
    list.set("x-kubernetes-group-version-kind", gvkList(new GroupVersionKind(
        type.kind().group(), type.kind().version(), type.listKind())));
    String name = itemName + "List";
    generator.schemas().put(name, list);
    return name;
  }

  private static ArrayNode gvkList(GroupVersionKind kind) {
    ArrayNode list = JSON.arrayNode();
    list.add(gvk(kind));
    return list;
  }

  private static ObjectNode gvk(GroupVersionKind kind) {
    ObjectNode gvk = JSON.objectNode();
    gvk.put("group", kind.group());
    gvk.put("kind", kind.kind());
    gvk.put("version", kind.version());
    return gvk;
  }

  /**
   * The collection path (list, create, deletecollection) and the object path (read, replace,
   * patch, delete) of one resource, each operation tagged with the kind as upstream does.
   */
  private static void addPaths(ObjectNode paths, ResourceType type, String name, String listName) {
    String prefix = "/" + pathKey(type.kind().groupVersion())
        + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
    ObjectNode collection = paths.putObject(prefix);
    ObjectNode object = paths.putObject(prefix + "/{name}");
    if (type.namespaced()) {
      collection.putArray("parameters").add(pathParameter("namespace"));
      object.putArray("parameters").add(pathParameter("namespace"));
    }
    object.withArrayProperty("parameters").add(pathParameter("name"));
    String kind = type.kind().kind();
    collection.set("get", operation("list" + kind, "list", type, listName, false));
    collection.set("post", operation("create" + kind, "post", type, name, true));
    collection.set("delete", operation("deletecollection" + kind, "deletecollection", type,
        SchemaGenerator.META_V1 + "Status", false));
    object.set("get", operation("read" + kind, "get", type, name, false));
    object.set("put", operation("replace" + kind, "put", type, name, true));
    ObjectNode patch = operation("patch" + kind, "patch", type, name, false);
    ObjectNode patchBody = patch.putObject("requestBody").put("required", true)
        .putObject("content");
    for (String contentType : List.of("application/json-patch+json",
        "application/merge-patch+json", "application/strategic-merge-patch+json",
        "application/apply-patch+yaml")) {
      patchBody.putObject(contentType).putObject("schema").put("type", "object");
    }
    ArrayNode patchParameters = patch.putArray("parameters");
    for (String query : List.of("dryRun", "fieldManager", "fieldValidation", "force")) {
      ObjectNode p = patchParameters.addObject();
      p.put("name", query);
      p.put("in", "query");
      p.put("description", SchemaGenerator.describe(query));
      p.putObject("schema").put("type", query.equals("force") ? "boolean" : "string")
          .put("uniqueItems", true);
    }
    object.set("patch", patch);
    object.set("delete", operation("delete" + kind, "delete", type,
        SchemaGenerator.META_V1 + "Status", false));
  }

  private static ObjectNode pathParameter(String name) {
    ObjectNode p = JSON.objectNode();
    p.put("name", name);
    p.put("in", "path");
    p.put("required", true);
    p.put("description", name + " of the object");
    p.putObject("schema").put("type", "string").put("uniqueItems", true);
    return p;
  }

  private static ObjectNode operation(String operationId, String action, ResourceType type,
      String responseSchema, boolean withBody) {
    ObjectNode op = JSON.objectNode();
    op.putArray("tags").add(pathKey(type.kind().groupVersion()).replace('/', '_'));
    op.put("description", action + " " + type.kind().kind());
    op.put("operationId", operationId);
    if (withBody) {
      op.putObject("requestBody").put("required", true).putObject("content")
          .putObject("application/json").putObject("schema")
          .put("$ref", SchemaGenerator.REF_PREFIX + responseSchema);
    }
    ObjectNode ok = op.putObject("responses").putObject("200");
    ok.put("description", "OK");
    ObjectNode okSchema = ok.putObject("content").putObject("application/json")
        .putObject("schema");
    if (responseSchema.endsWith(".Status")) {
      okSchema.put("type", "object");
    } else {
      okSchema.put("$ref", SchemaGenerator.REF_PREFIX + responseSchema);
    }
    op.put("x-kubernetes-action", action);
    op.set("x-kubernetes-group-version-kind", gvk(type.kind()));
    return op;
  }

  private static String sha512(String text) {
    try {
      return HexFormat.of().withUpperCase().formatHex(
          MessageDigest.getInstance("SHA-512").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-512 is part of every JRE", e);
    }
  }
}
