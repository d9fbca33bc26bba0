package io.minik8s.apiserver.protobuf;

/**
 * Which protobuf message holds a kind of an API version: Kubernetes names the proto package after
 * the Go package ({@code apps/v1} → {@code k8s.io.api.apps.v1}) and the message after the kind.
 */
final class KindMessages {

  private static final String META = "k8s.io.apimachinery.pkg.apis.meta.v1";

  private KindMessages() {}

  /**
   * The fully qualified message for {@code kind} in {@code apiVersion}, or null if the group is
   * not one whose messages are vendored. Kinds every group version registers from metav1
   * (DeleteOptions, Status...) fall back to the meta package.
   */
  static String messageFor(String apiVersion, String kind) {
    if (apiVersion == null || kind == null || kind.isEmpty()) {
      return null;
    }
    int slash = apiVersion.indexOf('/');
    String group = slash < 0 ? "" : apiVersion.substring(0, slash);
    String version = slash < 0 ? apiVersion : apiVersion.substring(slash + 1);
    if (!version.matches("v\\d+((alpha|beta)\\d+)?")) {
      return null;
    }
    String pkg;
    if (group.isEmpty()) {
      pkg = "k8s.io.api.core." + version;
    } else if (group.equals("meta.k8s.io")) {
      pkg = META.substring(0, META.lastIndexOf('.') + 1) + version;
    } else if (group.endsWith(".k8s.io")) { // rbac.authorization.k8s.io → k8s.io.api.rbac
      pkg = "k8s.io.api." + group.substring(0, group.indexOf('.')) + "." + version;
    } else if (!group.contains(".")) {
      pkg = "k8s.io.api." + group + "." + version;
    } else {
      return null;
    }
    String candidate = pkg + "." + kind;
    if (ProtoSchema.get().message(candidate) != null) {
      return candidate;
    }
    String meta = META + "." + kind;
    return ProtoSchema.get().message(meta) != null ? meta : candidate;
  }
}
