package io.minik8s.controllers.loop;

/** A control loop the manager runs: started once with some workers, shut down once. */
public interface Controller {

  /** The name in {@code --controllers} and in logs: {@code replicaset}, {@code deployment}... */
  String name();

  /** Waits for the informers to sync, then starts {@code workers} threads; returns at once. */
  void run(int workers);

  /** Stops the workers; a key being synced is finished first. */
  void shutdown();
}
