package io.minik8s.objects.scheme;

import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.core.Binding;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.Event;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.ResourceQuota;
import io.minik8s.objects.api.core.Secret;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.Role;
import io.minik8s.objects.api.rbac.RoleBinding;
import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of kinds: for each, its resource names, scope, subresources and Java type (see
 * {@link ResourceType}). It answers the three questions every layer asks:
 *
 * <ul>
 *   <li>decoding: which Java record holds {@code apiVersion: apps/v1, kind: Deployment}? ({@link
 *       #javaTypeFor})
 *   <li>routing: what does {@code /apis/apps/v1/namespaces/ns/deployments/web} address? ({@link
 *       #parsePath})
 *   <li>the CLI: what does the user mean by {@code deploy}? ({@link #resolve})
 * </ul>
 *
 * <p>Upstream: {@code runtime.Scheme} (kind to Go type) and a {@code meta.RESTMapper} (kind to
 * resource), which the API server's discovery documents publish and kubectl caches.
 */
public final class Scheme {

  private static final Scheme BUILT_IN = new Scheme(List.of(
      type("", "v1", "Pod", "pods", List.of("po"), true, Set.of("status", "binding", "log"),
          Pod.class),
      type("", "v1", "Node", "nodes", List.of("no"), false, Set.of("status"), Node.class),
      type("", "v1", "Namespace", "namespaces", List.of("ns"), false,
          Set.of("status", "finalize"), Namespace.class),
      type("", "v1", "Service", "services", List.of("svc"), true, Set.of("status"),
          Service.class),
      type("", "v1", "Endpoints", "endpoints", List.of("ep"), true, Set.of(), Endpoints.class),
      type("", "v1", "ConfigMap", "configmaps", List.of("cm"), true, Set.of(), ConfigMap.class),
      type("", "v1", "Secret", "secrets", List.of(), true, Set.of(), Secret.class),
      type("", "v1", "ServiceAccount", "serviceaccounts", List.of("sa"), true, Set.of("token"),
          ServiceAccount.class),
      type("", "v1", "Event", "events", List.of("ev"), true, Set.of(), Event.class),
      type("", "v1", "Binding", "bindings", List.of(), true, Set.of(), Binding.class),
      type("", "v1", "ResourceQuota", "resourcequotas", List.of("quota"), true,
          Set.of("status"), ResourceQuota.class),
      type("apps", "v1", "Deployment", "deployments", List.of("deploy"), true,
          Set.of("status", "scale"), Deployment.class),
      type("apps", "v1", "ReplicaSet", "replicasets", List.of("rs"), true,
          Set.of("status", "scale"), ReplicaSet.class),
      type("batch", "v1", "Job", "jobs", List.of(), true, Set.of("status"), Job.class),
      type("coordination.k8s.io", "v1", "Lease", "leases", List.of(), true, Set.of(),
          Lease.class),
      type("rbac.authorization.k8s.io", "v1", "ClusterRole", "clusterroles", List.of(), false,
          Set.of(), ClusterRole.class),
      type("rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", "clusterrolebindings",
          List.of(), false, Set.of(), ClusterRoleBinding.class),
      type("rbac.authorization.k8s.io", "v1", "Role", "roles", List.of(), true, Set.of(),
          Role.class),
      type("rbac.authorization.k8s.io", "v1", "RoleBinding", "rolebindings", List.of(), true,
          Set.of(), RoleBinding.class)));

  /** Registration order: {@link #resolve} prefers earlier types when a name is ambiguous. */
  private final List<ResourceType> types;

  /** Keyed by {@link #typeKey}: apiVersion and kind as written in a manifest. */
  private final Map<String, ResourceType> byApiVersionAndKind = new HashMap<>();

  private final Map<GroupVersionResource, ResourceType> byResource = new HashMap<>();

  /** A scheme with exactly these types (tests and custom resources; most code uses {@link #builtIn}). */
  public Scheme(List<ResourceType> types) {
    this.types = List.copyOf(types);
    for (ResourceType type : this.types) {
      byApiVersionAndKind.put(typeKey(type.kind().apiVersion(), type.kind().kind()), type);
      byResource.put(type.resource(), type);
    }
  }

  /**
   * Every kind of the course: core/v1, apps/v1, batch/v1, coordination.k8s.io/v1 and
   * rbac.authorization.k8s.io/v1.
   */
  public static Scheme builtIn() {
    return BUILT_IN;
  }

  private static ResourceType type(String group, String version, String kind, String plural,
      List<String> shortNames, boolean namespaced, Set<String> subresources,
      Class<? extends KubeObject> javaType) {
    return new ResourceType(new GroupVersionKind(group, version, kind), plural,
        kind.toLowerCase(Locale.ROOT), shortNames, namespaced, subresources, javaType);
  }

  private static String typeKey(String apiVersion, String kind) {
    return apiVersion + " " + kind;
  }

  /** All registered types, in registration order. */
  public List<ResourceType> types() {
    return types;
  }

  /** The type registered for this exact group, version and kind. */
  public Optional<ResourceType> forKind(GroupVersionKind gvk) {
    return Optional.ofNullable(byApiVersionAndKind.get(typeKey(gvk.apiVersion(), gvk.kind())));
  }

  /** The type serving this exact group, version and resource. */
  public Optional<ResourceType> forResource(GroupVersionResource gvr) {
    return Optional.ofNullable(byResource.get(gvr));
  }

  /**
   * The Java record for a manifest's {@code apiVersion} and {@code kind}, compared exactly as
   * written ({@code "apps/v1"}, {@code "Deployment"}); empty for kinds the scheme does not know.
   */
  public Optional<Class<? extends KubeObject>> javaTypeFor(String apiVersion, String kind) {
    return Optional.ofNullable(byApiVersionAndKind.get(typeKey(apiVersion, kind)))
        .map(ResourceType::javaType);
  }

  /**
   * Resolves what a user typed as a resource, the way kubectl does: a plural ({@code pods}),
   * singular ({@code pod}), short name ({@code po}) or kind ({@code Pod}), case-insensitively;
   * optionally qualified by group ({@code deployments.apps}) or by version and group ({@code
   * deployments.v1.apps}).
   *
   * <p>As upstream ({@code schema.ParseResourceArg}): an input with two or more dots is first
   * tried as {@code resource.version.group}, then as {@code resource.group} (so {@code
   * leases.coordination.k8s.io} works); with one dot it is {@code resource.group}.
   *
   * @throws UnknownResourceException with kubectl's message {@code the server doesn't have a
   *     resource type "<input>"} when nothing matches
   */
  public ResourceType resolve(String input) {
    // BEGIN EXERCISE 0.5 — resolve a name as kubectl does: plural, singular, short, kind, .group
    String arg = input.toLowerCase(Locale.ROOT);
    if (arg.chars().filter(c -> c == '.').count() >= 2) {
      String[] parts = arg.split("\\.", 3);
      Optional<ResourceType> exact = find(parts[0], parts[1], parts[2]);
      if (exact.isPresent()) {
        return exact.get();
      }
    }
    int dot = arg.indexOf('.');
    String resource = dot < 0 ? arg : arg.substring(0, dot);
    String group = dot < 0 ? null : arg.substring(dot + 1);
    return find(resource, null, group)
        .orElseThrow(() -> new UnknownResourceException(
            "the server doesn't have a resource type \"" + input + "\""));
    // END EXERCISE 0.5
  }

  /**
   * The first type whose plural, singular, short name or lowercased kind is {@code name}, in
   * {@code version} and {@code group} when those are non-null.
   */
  private Optional<ResourceType> find(String name, String version, String group) {
    for (ResourceType type : types) {
      if (group != null && !type.kind().group().equals(group)) {
        continue;
      }
      if (version != null && !type.kind().version().equals(version)) {
        continue;
      }
      if (type.plural().equals(name)
          || type.singular().equals(name)
          || type.shortNames().contains(name)
          || type.kind().kind().toLowerCase(Locale.ROOT).equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a request path (see {@link RestPath#parse}) and checks it against the registry, as
   * the API server's router must before dispatching.
   *
   * @throws MalformedPathException if the layout is wrong; if a cluster-scoped resource is
   *     addressed inside a namespace ({@code /api/v1/namespaces/a/nodes/n1}); if one object of a
   *     namespaced resource is addressed without a namespace ({@code /api/v1/pods/web}; the
   *     collection {@code /api/v1/pods} is fine: it lists all namespaces); or if the
   *     subresource is not one the resource serves
   * @throws UnknownResourceException if no registered type serves that group, version and
   *     resource
   */
  public RestPath parsePath(String path) {
    // BEGIN EXERCISE 0.5 — check a parsed path: known resource, scope, subresource
    RestPath parsed = RestPath.parse(path);
    ResourceType type = forResource(parsed.resource())
        .orElseThrow(() -> new UnknownResourceException(
            "the server could not find the requested resource "
                + parsed.resource().groupResource() + " (path " + path + ")"));
    if (!type.namespaced() && parsed.namespace() != null) {
      throw new MalformedPathException(type.plural() + " are cluster-scoped: address them as "
          + new RestPath(parsed.resource(), null, parsed.name(), parsed.subresource()).toPath()
          + ", not " + path);
    }
    if (type.namespaced() && parsed.namespace() == null && parsed.name() != null) {
      throw new MalformedPathException(type.plural() + " are namespaced: address \""
          + parsed.name() + "\" as "
          + new RestPath(parsed.resource(), "<namespace>", parsed.name(), parsed.subresource())
              .toPath());
    }
    if (parsed.subresource() != null && !type.subresources().contains(parsed.subresource())) {
      throw new MalformedPathException(type.plural() + " have no subresource \""
          + parsed.subresource() + "\" (path " + path + ")");
    }
    return parsed;
    // END EXERCISE 0.5
  }

  /** All types' plural names, in registration order (for messages and discovery). */
  public List<String> plurals() {
    List<String> plurals = new ArrayList<>();
    types.forEach(t -> plurals.add(t.plural()));
    return plurals;
  }
}
