package io.minik8s.apiserver.admission;

import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;

/** Small questions plugins ask of a request. */
final class Requests {

  private Requests() {}

  /** Whether the request addresses {@code group}/{@code plural} itself (no subresource). */
  static boolean isMain(AdmissionRequest request, String group, String plural) {
    return is(request.type(), group, plural) && request.subresource().isEmpty();
  }

  /** Whether the request creates or replaces {@code group}/{@code plural} itself. */
  static boolean isWriteOf(AdmissionRequest request, String group, String plural) {
    return isMain(request, group, plural)
        && (request.operation() == Operation.CREATE || request.operation() == Operation.UPDATE);
  }

  static boolean is(ResourceType type, String group, String plural) {
    return type.kind().group().equals(group) && type.plural().equals(plural);
  }

  /** The object's name, for messages: the request's, else the object's own. */
  static String name(AdmissionRequest request) {
    if (request.name() != null && !request.name().isEmpty()) {
      return request.name();
    }
    return request.object() == null ? "" : request.object().name();
  }

  /** A built-in v1 resource type, e.g. {@code builtIn("", "namespaces")}. */
  static ResourceType builtIn(String group, String plural) {
    return Scheme.builtIn().forResource(new GroupVersionResource(group, "v1", plural))
        .orElseThrow();
  }
}
