package io.minik8s.apiserver.auth.authz;

/**
 * An authorizer's answer and, for the denied, why (it ends up in the 403 message).
 *
 * <p>Upstream: {@code authorizer.Decision}: DecisionDeny, DecisionAllow, DecisionNoOpinion.
 */
public record Decision(Kind kind, String reason) {

  public enum Kind { ALLOW, DENY, NO_OPINION }

  public static Decision allow(String reason) {
    return new Decision(Kind.ALLOW, reason);
  }

  public static Decision deny(String reason) {
    return new Decision(Kind.DENY, reason);
  }

  public static Decision noOpinion(String reason) {
    return new Decision(Kind.NO_OPINION, reason);
  }

  public boolean allowed() {
    return kind == Kind.ALLOW;
  }
}
