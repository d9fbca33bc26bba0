package io.minik8s.client.cache;

import java.time.Duration;

/**
 * Waits. The reflector backs off through one, so tests pass a recording sleeper and never wait.
 */
@FunctionalInterface
public interface Sleeper {

  /** Real time: {@link Thread#sleep}; an interrupt (e.g. from stop) ends the wait early. */
  Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

  void sleep(Duration duration) throws InterruptedException;
}
