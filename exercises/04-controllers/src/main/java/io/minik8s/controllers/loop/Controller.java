package io.minik8s.controllers.loop;

/**
 * A control loop the manager runs: started once with some workers, shut down once. Most
 * controllers are just their {@link ControllerLoop} plus a {@code sync}; the defaults run it.
 */
public interface Controller {

  /** The name in {@code --controllers} and in logs: {@code replicaset}, {@code deployment}... */
  String name();

  /** The queue, workers and retries around this controller's {@code sync}. */
  ControllerLoop loop();

  /** Waits for the informers to sync, then starts {@code workers} threads; returns at once. */
  default void run(int workers) {
    loop().run(workers);
  }

  /** Stops the workers; a key being synced is finished first. */
  default void shutdown() {
    loop().shutdown();
  }
}
