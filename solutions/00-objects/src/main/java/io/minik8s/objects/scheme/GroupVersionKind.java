package io.minik8s.objects.scheme;

/**
 * Names a type of object: what {@code apiVersion} + {@code kind} say in a manifest.
 *
 * <p>Upstream: {@code schema.GroupVersionKind}.
 */
public record GroupVersionKind(String group, String version, String kind) {

  public GroupVersionKind {
    group = group == null ? "" : group;
  }

  /** The GVK of a manifest's {@code apiVersion} and {@code kind}. */
  public static GroupVersionKind of(String apiVersion, String kind) {
    GroupVersion gv = GroupVersion.parse(apiVersion);
    return new GroupVersionKind(gv.group(), gv.version(), kind);
  }

  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** {@code "v1"} or {@code "apps/v1"}. */
  public String apiVersion() {
    return groupVersion().apiVersion();
  }

  /** {@code Deployment.apps} or, for the core group, {@code Pod} (upstream's GroupKind.String). */
  public String groupKind() {
    return group.isEmpty() ? kind : kind + "." + group;
  }

  @Override
  public String toString() {
    return apiVersion() + ", Kind=" + kind;
  }
}
