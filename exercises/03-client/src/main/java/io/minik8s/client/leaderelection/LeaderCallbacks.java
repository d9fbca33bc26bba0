package io.minik8s.client.leaderelection;

/** What a {@link LeaderElector} tells its owner (upstream's {@code LeaderCallbacks}). */
public interface LeaderCallbacks {

  /** This process became the leader: start the controllers. Runs on its own thread. */
  void onStartedLeading();

  /**
   * This process is no longer the leader (lost the lease, or stopped). Upstream processes exit
   * here, because another leader may already be acting.
   */
  void onStoppedLeading();

  /** Someone (maybe this process) was observed holding the lease. */
  default void onNewLeader(String identity) {}
}
