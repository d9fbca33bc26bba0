package io.minik8s.apiserver.storage;

/**
 * How to delete (upstream {@code metav1.DeleteOptions}).
 *
 * @param gracePeriodSeconds {@code null}: the object's own default (a pod's {@code
 *     terminationGracePeriodSeconds}); 0: immediately
 * @param preconditionUid delete only if the object has this uid; {@code ""} for any
 * @param preconditionResourceVersion delete only at this resourceVersion; {@code ""} for any
 * @param propagationPolicy {@code Orphan}, {@code Background} or {@code Foreground}; {@code ""}
 *     for the resource's default
 */
public record DeleteOptions(
    Long gracePeriodSeconds, String preconditionUid, String preconditionResourceVersion,
    String propagationPolicy, boolean dryRun) {

  public static final String ORPHAN = "Orphan";
  public static final String BACKGROUND = "Background";
  public static final String FOREGROUND = "Foreground";

  public DeleteOptions {
    preconditionUid = preconditionUid == null ? "" : preconditionUid;
    preconditionResourceVersion =
        preconditionResourceVersion == null ? "" : preconditionResourceVersion;
    propagationPolicy = propagationPolicy == null ? "" : propagationPolicy;
  }

  /** Defaults: the object's own grace period, no preconditions. */
  public static DeleteOptions defaults() {
    return new DeleteOptions(null, "", "", "", false);
  }
}
