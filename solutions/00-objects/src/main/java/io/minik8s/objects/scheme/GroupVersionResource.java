package io.minik8s.objects.scheme;

/**
 * Names a REST collection: {@code resource} is the lowercase plural that appears in URLs
 * ({@code pods}, {@code deployments}).
 *
 * <p>Upstream: {@code schema.GroupVersionResource}.
 */
public record GroupVersionResource(String group, String version, String resource) {

  public GroupVersionResource {
    group = group == null ? "" : group;
  }

  public GroupVersion groupVersion() {
    return new GroupVersion(group, version);
  }

  /** {@code deployments.apps} or, for the core group, {@code pods} (upstream's GroupResource.String). */
  public String groupResource() {
    return group.isEmpty() ? resource : resource + "." + group;
  }

  @Override
  public String toString() {
    return groupVersion().apiVersion() + ", Resource=" + resource;
  }
}
