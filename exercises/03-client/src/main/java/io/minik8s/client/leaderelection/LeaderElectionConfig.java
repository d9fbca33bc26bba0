package io.minik8s.client.leaderelection;

import java.time.Clock;
import java.time.Duration;

/**
 * How to elect a leader on a {@code coordination.k8s.io/v1} Lease (upstream's
 * {@code LeaderElectionConfig}). Upstream's defaults for kube-controller-manager are 15 s, 10 s
 * and 2 s.
 *
 * @param namespace where the Lease lives ({@code kube-system})
 * @param name the Lease's name ({@code kube-controller-manager})
 * @param identity this candidate, unique among candidates (hostname + random suffix upstream)
 * @param leaseDuration how long non-leaders wait after the last renewal before taking over
 * @param renewDeadline how long the leader keeps trying to renew before giving up leadership;
 *     less than {@code leaseDuration}
 * @param retryPeriod how often candidates try to acquire or renew
 * @param clock the time renewals are stamped with and expiry is judged by
 */
public record LeaderElectionConfig(
    String namespace,
    String name,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod,
    Clock clock) {

  public LeaderElectionConfig {
    if (renewDeadline.compareTo(leaseDuration) >= 0) {
      throw new IllegalArgumentException(
          "renewDeadline (" + renewDeadline + ") must be shorter than leaseDuration ("
              + leaseDuration + ")");
    }
    if (retryPeriod.compareTo(renewDeadline) >= 0) {
      throw new IllegalArgumentException(
          "retryPeriod (" + retryPeriod + ") must be shorter than renewDeadline ("
              + renewDeadline + ")");
    }
  }

  /** kube-controller-manager's defaults: 15 s lease, 10 s renew deadline, 2 s retry. */
  public static LeaderElectionConfig defaults(
      String namespace, String name, String identity, Clock clock) {
    return new LeaderElectionConfig(namespace, name, identity, Duration.ofSeconds(15),
        Duration.ofSeconds(10), Duration.ofSeconds(2), clock);
  }
}
