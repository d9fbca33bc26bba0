package io.minik8s.controllers.deployment;

import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.manifest.Codec;
import java.nio.charset.StandardCharsets;

/**
 * The {@code pod-template-hash}: a short, stable name for one pod template. The Deployment
 * controller names each ReplicaSet {@code <deployment>-<hash>} and adds the label
 * {@code pod-template-hash=<hash>} to its template and selector, so the pods of two revisions
 * never match each other's ReplicaSet.
 *
 * <p>Upstream: {@code controller.ComputeHash} (pkg/controller/controller_utils.go): FNV-32a over
 * the template (Go's {@code hashutil.DeepHashObject}, a printout of the struct; here its
 * canonical JSON, {@link Codec#toJson}), then the collision count as 8 little-endian bytes, and
 * the decimal number rendered with {@code rand.SafeEncodeString}
 * (k8s.io/apimachinery/pkg/util/rand), an alphabet without vowels so a hash never spells a word.
 */
public final class PodTemplateHash {

  /** The label key on ReplicaSets, their selectors and their pods. */
  public static final String LABEL = "pod-template-hash";

  /** Upstream's alphabet: no vowels, no 0/1/3 (they look like o/l/e). */
  static final String ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

  private static final int FNV32_OFFSET_BASIS = 0x811c9dc5;
  private static final int FNV32_PRIME = 0x01000193;

  private PodTemplateHash() {}

  /**
   * The hash of {@code template}; {@code collisionCount} (the Deployment's
   * {@code status.collisionCount}, null when there never was a collision) changes it, which is how
   * the controller escapes a name already taken by a ReplicaSet with another template.
   */
  public static String compute(PodTemplateSpec template, Integer collisionCount) {
    // BEGIN EXERCISE 4.2 — compute the pod-template hash (FNV-32a, then the safe alphabet)
    throw new UnsupportedOperationException("TODO exercise 4.2: compute the pod-template hash (FNV-32a, then the safe alphabet)");
    // END EXERCISE 4.2
  }

  /** One FNV-1a step: xor the byte in, then multiply by the prime (mod 2^32). */
  static int fnv32aStep(int hash, byte b) {
    return (hash ^ (b & 0xff)) * FNV32_PRIME;
  }

  /** Each character replaced by {@code ALPHANUMS[c % 27]}, as upstream's SafeEncodeString. */
  static String safeEncode(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(ALPHANUMS.charAt(text.charAt(i) % ALPHANUMS.length()));
    }
    return out.toString();
  }
}
