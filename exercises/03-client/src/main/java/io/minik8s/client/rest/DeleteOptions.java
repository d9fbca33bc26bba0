package io.minik8s.client.rest;

/**
 * The body of a delete, as upstream's {@code metav1.DeleteOptions}. Null fields are not sent.
 *
 * @param propagationPolicy {@code Orphan}, {@code Background} or {@code Foreground}; null: the
 *     kind's default
 * @param gracePeriodSeconds 0 deletes a pod at once; null: the pod's own grace period
 * @param preconditionUid delete only the object with this uid
 * @param preconditionResourceVersion delete only this version of the object
 */
public record DeleteOptions(
    String propagationPolicy,
    Long gracePeriodSeconds,
    String preconditionUid,
    String preconditionResourceVersion) {

  public static final String ORPHAN = "Orphan";
  public static final String BACKGROUND = "Background";
  public static final String FOREGROUND = "Foreground";

  public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null);

  public static DeleteOptions propagation(String policy) {
    return new DeleteOptions(policy, null, null, null);
  }

  public static DeleteOptions preconditionUid(String uid) {
    return new DeleteOptions(null, null, uid, null);
  }
}
