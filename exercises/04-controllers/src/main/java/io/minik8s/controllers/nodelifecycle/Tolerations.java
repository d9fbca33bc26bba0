package io.minik8s.controllers.nodelifecycle;

import io.minik8s.objects.api.core.Taint;
import io.minik8s.objects.api.core.Toleration;

/**
 * Taint and toleration matching (upstream: {@code Toleration.ToleratesTaint} in
 * staging/src/k8s.io/api/core/v1/toleration.go).
 *
 * <pre>
 *   toleration                          taint  k=v:NoExecute   tolerates?
 *   key k, Equal, value v, NoExecute                            yes
 *   key k, Exists                       (any value, any effect) yes
 *   key k, Equal, value w                                       no   (value differs)
 *   key k, Exists, effect NoSchedule                            no   (effect differs)
 *   no key, Exists                      (everything)            yes
 *   operator missing                    (means Equal)           as Equal
 * </pre>
 */
public final class Tolerations {

  public static final String EXISTS = "Exists";
  public static final String EQUAL = "Equal";

  private Tolerations() {}

  /** Whether {@code toleration} tolerates {@code taint}. A null string counts as empty. */
  public static boolean tolerates(Toleration toleration, Taint taint) {
    // BEGIN EXERCISE 4.4 — does a toleration tolerate a taint
    throw new UnsupportedOperationException("TODO exercise 4.4: does a toleration tolerate a taint");
    // END EXERCISE 4.4
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
