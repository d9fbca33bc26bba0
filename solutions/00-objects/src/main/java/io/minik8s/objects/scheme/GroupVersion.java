package io.minik8s.objects.scheme;

/**
 * An API group and version, written {@code group/version} in an {@code apiVersion} field. The
 * core ("legacy") group has the empty name and is written as the bare version: {@code "v1"}.
 *
 * <p>Upstream: {@code schema.GroupVersion} in k8s.io/apimachinery/pkg/runtime/schema/group_version.go.
 */
public record GroupVersion(String group, String version) {

  /** The core group's only version, {@code v1}. */
  public static final GroupVersion CORE_V1 = new GroupVersion("", "v1");

  public GroupVersion {
    group = group == null ? "" : group;
  }

  /**
   * Parses an {@code apiVersion}: {@code "v1"} is the core group ({@code group} ""), {@code
   * "apps/v1"} is group {@code apps}, version {@code v1}.
   *
   * <p>Stricter than upstream's {@code ParseGroupVersion}, which accepts "" and "/" as the empty
   * GroupVersion: here both parts must be non-empty.
   *
   * @throws IllegalArgumentException if {@code apiVersion} is empty, has more than one {@code /},
   *     or an empty group or version, e.g. {@code "apps/"}, {@code "/v1"}, {@code "a/b/c"}
   */
  public static GroupVersion parse(String apiVersion) {
    // BEGIN EXERCISE 0.5 — parse an apiVersion string into group and version
    if (apiVersion == null || apiVersion.isEmpty()) {
      throw new IllegalArgumentException("apiVersion must not be empty");
    }
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      return new GroupVersion("", apiVersion);
    }
    String group = apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    if (group.isEmpty() || version.isEmpty() || version.contains("/")) {
      throw new IllegalArgumentException(
          "unexpected apiVersion \"" + apiVersion + "\": expected <version> or <group>/<version>");
    }
    return new GroupVersion(group, version);
    // END EXERCISE 0.5
  }

  /** How this is written in an {@code apiVersion} field: {@code "v1"} or {@code "apps/v1"}. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  @Override
  public String toString() {
    return apiVersion();
  }
}
