package io.minik8s.store.watch;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * An executor that runs nothing until the test says so, on the test's thread: deliveries and sync
 * rounds happen exactly when the test calls {@link #runNext} or {@link #runAll}.
 */
final class ManualExecutor implements Executor {

  private final Queue<Runnable> tasks = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable task) {
    tasks.add(task);
  }

  synchronized int pending() {
    return tasks.size();
  }

  /** Runs the oldest task; false if there was none. */
  boolean runNext() {
    Runnable task;
    synchronized (this) {
      task = tasks.poll();
    }
    if (task == null) {
      return false;
    }
    task.run();
    return true;
  }

  /** Runs tasks, including those they submit, until none is left. */
  void runAll() {
    int ran = 0;
    while (runNext()) {
      if (++ran > 100_000) {
        throw new AssertionError("tasks keep submitting tasks: more than 100000 ran");
      }
    }
  }
}
