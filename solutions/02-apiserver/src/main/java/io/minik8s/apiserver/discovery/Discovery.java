package io.minik8s.apiserver.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.objects.scheme.GroupVersion;
import io.minik8s.objects.scheme.GroupVersionKind;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documents a client reads before it can talk to the server: which versions of which API
 * groups exist, and which resources each group-version serves, with their kinds, scopes, verbs and
 * short names. {@code kubectl api-resources} prints them; {@code kubectl get deploy} uses them to
 * turn {@code deploy} into {@code /apis/apps/v1/namespaces/default/deployments}.
 *
 * <pre>
 * GET /version                  -> version()      {"major":"1","minor":"33",...}
 * GET /api                      -> coreVersions() APIVersions   {"versions":["v1"]}
 * GET /apis                     -> groups()       APIGroupList  [{"name":"apps","versions":[...]}]
 * GET /api/v1, /apis/apps/v1    -> resources(g,v) APIResourceList [{"name":"pods",...},
 *                                                                  {"name":"pods/status",...}]
 * </pre>
 *
 * <p>Every document is built from the {@link Scheme} (what the server stores) plus a list of
 * extra {@link ApiResource}s the server serves without storing them, such as {@code
 * selfsubjectaccessreviews} or {@code pods/eviction}. A group-version is listed only if it serves
 * at least one resource: client-go fails the whole discovery ("received empty response for:
 * policy/v1") on an empty one. So {@code policy/v1} and {@code autoscaling/v1} are not listed;
 * their kinds appear where clients look for them, beside the subresources that carry them
 * ({@code pods/eviction} names {@code policy/v1 Eviction}, which is how kubectl drain finds the
 * Eviction API).
 *
 * <p>Upstream: k8s.io/apiserver/pkg/endpoints/discovery ({@code legacy.go}, {@code group.go},
 * {@code version.go}) and the per-resource {@code APIResource} built in
 * k8s.io/apiserver/pkg/endpoints/installer.go. Aggregated discovery
 * ({@code apidiscovery.k8s.io/v2}) is not served: kubectl 1.33 asks for it first, and when the
 * server answers with a plain {@code application/json} APIGroupList it falls back to these
 * documents.
 */
public final class Discovery {

  /** The version this server claims to be: kubectl warns when client and server differ by more than one minor. */
  public static final String GIT_VERSION = "v1.33.0-minik8s";

  /** What a stored resource answers (upstream's REST storage implements every verb). */
  public static final List<String> STORED_VERBS = List.of(
      "create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final Scheme scheme;
  private final List<ApiResource> extraResources;

  /** Discovery of the scheme plus what every minik8s server serves besides: see {@link #servedBesidesScheme}. */
  public Discovery(Scheme scheme) {
    this(scheme, servedBesidesScheme());
  }

  /** Discovery of the scheme plus {@code extraResources}: served by the server, not stored. */
  public Discovery(Scheme scheme, List<ApiResource> extraResources) {
    this.scheme = scheme;
    this.extraResources = List.copyOf(extraResources);
  }

  /**
   * The resources a minik8s API server serves that are not kinds of the scheme: {@code
   * pods/eviction} (the Eviction API kubectl drain uses) and {@code selfsubjectaccessreviews}
   * ({@code kubectl auth can-i}).
   */
  public static List<ApiResource> servedBesidesScheme() {
    return List.of(
        new ApiResource(GroupVersion.CORE_V1, "pods/eviction", "", true,
            new GroupVersionKind("policy", "v1", "Eviction"), List.of("create"), List.of(),
            List.of()),
        new ApiResource(new GroupVersion("authorization.k8s.io", "v1"),
            "selfsubjectaccessreviews", "selfsubjectaccessreview", false,
            new GroupVersionKind("authorization.k8s.io", "v1", "SelfSubjectAccessReview"),
            List.of("create"), List.of(), List.of()));
  }

  /** {@code GET /version}: upstream's {@code version.Info}. */
  public ObjectNode version() {
    ObjectNode info = JSON.objectNode();
    info.put("major", "1");
    info.put("minor", "33");
    info.put("emulationMajor", "1");
    info.put("emulationMinor", "33");
    info.put("minCompatibilityMajor", "1");
    info.put("minCompatibilityMinor", "32");
    info.put("gitVersion", GIT_VERSION);
    info.put("gitCommit", "0000000000000000000000000000000000000000");
    info.put("gitTreeState", "clean");
    info.put("buildDate", "2025-04-23T00:00:00Z");
    info.put("goVersion", "java" + Runtime.version().feature());
    info.put("compiler", "javac");
    info.put("platform", platform());
    return info;
  }

  private static String platform() {
    String os = System.getProperty("os.name", "linux").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "amd64");
    String goOs = os.startsWith("mac") ? "darwin" : os.startsWith("windows") ? "windows" : "linux";
    String goArch = switch (arch) {
      case "x86_64", "amd64" -> "amd64";
      case "aarch64", "arm64" -> "arm64";
      default -> arch;
    };
    return goOs + "/" + goArch;
  }

  /** {@code GET /api}: the versions of the core ("legacy") group. */
  public ObjectNode coreVersions() {
    ObjectNode versions = JSON.objectNode();
    versions.put("kind", "APIVersions");
    ArrayNode list = versions.putArray("versions");
    groupVersions().stream().filter(gv -> gv.group().isEmpty())
        .forEach(gv -> list.add(gv.version()));
    ArrayNode addresses = versions.putArray("serverAddressByClientCIDRs");
    ObjectNode any = addresses.addObject();
    any.put("clientCIDR", "0.0.0.0/0");
    any.put("serverAddress", "");
    return versions;
  }

  /** {@code GET /apis}: every named group with its versions; the first version is preferred. */
  public ObjectNode groups() {
    Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();
    for (GroupVersion gv : groupVersions()) {
      if (!gv.group().isEmpty()) {
        versionsByGroup.computeIfAbsent(gv.group(), g -> new ArrayList<>()).add(gv.version());
      }
    }
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    versionsByGroup.forEach((group, versions) -> {
      ObjectNode g = groups.addObject();
      g.put("name", group);
      ArrayNode vs = g.putArray("versions");
      versions.forEach(v -> vs.add(groupVersionForDiscovery(group, v)));
      g.set("preferredVersion", groupVersionForDiscovery(group, versions.get(0)));
    });
    return list;
  }

  private static ObjectNode groupVersionForDiscovery(String group, String version) {
    ObjectNode v = JSON.objectNode();
    v.put("groupVersion", new GroupVersion(group, version).apiVersion());
    v.put("version", version);
    return v;
  }

  /**
   * {@code GET /api/v1} ({@code group} "") or {@code GET /apis/<group>/<version>}: the
   * APIResourceList, sorted by name as upstream lists it; empty when the server does not serve
   * that group-version (the caller answers 404).
   */
  public Optional<ObjectNode> resources(String group, String version) {
    GroupVersion gv = new GroupVersion(group, version);
    if (!groupVersions().contains(gv)) {
      return Optional.empty();
    }
    ObjectNode list = JSON.objectNode();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", gv.apiVersion());
    ArrayNode resources = list.putArray("resources");
    apiResources(gv).forEach(r -> resources.add(toJson(r)));
    return Optional.of(list);
  }

  /** Every resource and subresource served in {@code gv}, sorted by name, without duplicates. */
  public List<ApiResource> apiResources(GroupVersion gv) {
    Map<String, ApiResource> byName = new LinkedHashMap<>();
    for (ResourceType type : scheme.types()) {
      if (type.kind().groupVersion().equals(gv)) {
        describe(type).forEach(r -> byName.putIfAbsent(r.name(), r));
      }
    }
    extraResources.stream().filter(r -> r.servedIn().equals(gv))
        .forEach(r -> byName.putIfAbsent(r.name(), r));
    List<ApiResource> sorted = new ArrayList<>(byName.values());
    sorted.sort(Comparator.comparing(ApiResource::name));
    return sorted;
  }

  /** Every group-version that serves a resource: the scheme's, then the extra resources'. */
  public List<GroupVersion> groupVersions() {
    List<GroupVersion> all = new ArrayList<>();
    scheme.types().forEach(t -> addOnce(all, t.kind().groupVersion()));
    extraResources.forEach(r -> addOnce(all, r.servedIn()));
    return all;
  }

  private static void addOnce(List<GroupVersion> list, GroupVersion gv) {
    if (!list.contains(gv)) {
      list.add(gv);
    }
  }

  /**
   * The discovery entries of one stored type: the resource itself, then one entry per
   * subresource ({@code pods/status}, {@code pods/binding}...).
   *
   * <p>The resource answers {@link #STORED_VERBS}, except that {@code namespaces} has no {@code
   * deletecollection} (deleting every namespace at once is refused upstream) and {@code
   * bindings} is create-only. Categories are {@code ["all"]} for the workload kinds {@code kubectl
   * get all} shows. A subresource has no singular name, no short names, the parent's scope, and
   * the verbs and kind of {@link #subresource}.
   */
  public static List<ApiResource> describe(ResourceType type) {
    // BEGIN EXERCISE 2.7 — describe a resource and its subresources for discovery
    GroupVersion gv = type.kind().groupVersion();
    List<String> verbs = switch (type.plural()) {
      case "namespaces" -> STORED_VERBS.stream().filter(v -> !v.equals("deletecollection")).toList();
      case "bindings" -> List.of("create");
      default -> STORED_VERBS;
    };
    List<String> categories = ALL_CATEGORY.contains(type.plural()) ? List.of("all") : List.of();
    List<ApiResource> entries = new ArrayList<>();
    entries.add(new ApiResource(gv, type.plural(), type.singular(), type.namespaced(), type.kind(),
        verbs, type.shortNames(), categories));
    type.subresources().stream().sorted().forEach(sub -> {
      Subresource s = subresource(type, sub);
      entries.add(new ApiResource(gv, type.plural() + "/" + sub, "", type.namespaced(), s.kind(),
          s.verbs(), List.of(), List.of()));
    });
    return entries;
    // END EXERCISE 2.7
  }

  /** The resources {@code kubectl get all} lists (upstream: the "all" category). */
  private static final Set<String> ALL_CATEGORY = Set.of(
      "pods", "services", "deployments", "replicasets", "jobs", "statefulsets", "daemonsets",
      "cronjobs", "replicationcontrollers");

  /** What one subresource carries and answers. */
  public record Subresource(GroupVersionKind kind, List<String> verbs) {}

  /**
   * The kind and verbs of a subresource, as upstream registers them: {@code status} get/patch/update
   * of the parent's kind; {@code scale} the same verbs of {@code autoscaling/v1 Scale}; {@code
   * binding} create of {@code v1 Binding}; {@code eviction} create of {@code policy/v1 Eviction};
   * {@code log} get; {@code finalize} update. Anything else is treated like {@code status}.
   */
  public static Subresource subresource(ResourceType parent, String name) {
    List<String> getPatchUpdate = List.of("get", "patch", "update");
    return switch (name) {
      case "scale" -> new Subresource(
          new GroupVersionKind("autoscaling", "v1", "Scale"), getPatchUpdate);
      case "binding" -> new Subresource(
          new GroupVersionKind("", "v1", "Binding"), List.of("create"));
      case "eviction" -> new Subresource(
          new GroupVersionKind("policy", "v1", "Eviction"), List.of("create"));
      case "log" -> new Subresource(parent.kind(), List.of("get"));
      case "finalize" -> new Subresource(parent.kind(), List.of("update"));
      case "token" -> new Subresource(
          new GroupVersionKind("authentication.k8s.io", "v1", "TokenRequest"), List.of("create"));
      default -> new Subresource(parent.kind(), getPatchUpdate);
    };
  }

  /** One {@code APIResource} as JSON; {@code group}/{@code version} only where the kind lives elsewhere. */
  static ObjectNode toJson(ApiResource r) {
    ObjectNode json = JSON.objectNode();
    json.put("name", r.name());
    json.put("singularName", r.singularName());
    json.put("namespaced", r.namespaced());
    if (!r.kind().groupVersion().equals(r.servedIn())) {
      json.put("group", r.kind().group());
      json.put("version", r.kind().version());
    }
    json.put("kind", r.kind().kind());
    ArrayNode verbs = json.putArray("verbs");
    r.verbs().forEach(verbs::add);
    if (!r.shortNames().isEmpty()) {
      ArrayNode shortNames = json.putArray("shortNames");
      r.shortNames().forEach(shortNames::add);
    }
    if (!r.categories().isEmpty()) {
      ArrayNode categories = json.putArray("categories");
      r.categories().forEach(categories::add);
    }
    if (!r.isSubresource() && r.verbs().contains("list")) {
      json.put("storageVersionHash", storageVersionHash(r.kind()));
    }
    return json;
  }

  /**
   * Upstream's {@code discovery.StorageVersionHash}: the first 8 bytes of SHA-256 of {@code
   * group/version/kind}, base64. Clients (the storage-version migrator) compare it to notice
   * that the stored version changed.
   */
  static String storageVersionHash(GroupVersionKind kind) {
    try {
      byte[] sum = MessageDigest.getInstance("SHA-256").digest(
          (kind.group() + "/" + kind.version() + "/" + kind.kind())
              .getBytes(StandardCharsets.UTF_8));
      byte[] first8 = new byte[8];
      System.arraycopy(sum, 0, first8, 0, 8);
      return Base64.getEncoder().encodeToString(first8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }
}
