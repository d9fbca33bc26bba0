package io.minik8s.apiserver.subresource;

import io.minik8s.objects.scheme.ResourceType;
import java.util.HashSet;
import java.util.Set;

/**
 * The subresources the server serves per resource: the scheme's, plus {@code pods/eviction}
 * (a create-only subresource the scheme's discovery data does not list yet).
 */
public final class Subresources {

  public static final String STATUS = "status";
  public static final String SCALE = "scale";
  public static final String BINDING = "binding";
  public static final String EVICTION = "eviction";
  public static final String LOG = "log";
  public static final String FINALIZE = "finalize";
  public static final String TOKEN = "token";

  private Subresources() {}

  /** Whether {@code type} serves {@code subresource}. */
  public static boolean serves(ResourceType type, String subresource) {
    return of(type).contains(subresource);
  }

  public static Set<String> of(ResourceType type) {
    Set<String> all = new HashSet<>(type.subresources());
    if (isPods(type)) {
      all.add(EVICTION);
    }
    return all;
  }

  /** Whether the type's status is written only through {@code /status}. */
  public static boolean hasStatus(ResourceType type) {
    return type.subresources().contains(STATUS);
  }

  static boolean isPods(ResourceType type) {
    return type.kind().group().isEmpty() && type.plural().equals("pods");
  }
}
