package io.minik8s.controllers.expectations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * What a controller is waiting to see in its informer cache after acting (upstream's
 * {@code ControllerExpectations}, pkg/controller/controller_utils.go).
 *
 * <p>Why it exists: a ReplicaSet controller that creates 3 pods will sync again before its pod
 * informer has seen them. Counting pods in the lagging cache, it would create 3 more. So before
 * creating it records "expect 3 creations"; each pod add event the informer delivers lowers the
 * count; {@code sync} only counts and acts again once the expectations are
 * {@linkplain #satisfied satisfied}:
 *
 * <pre>
 *   expectCreations(rs, 3)     add=3  satisfied? no   (sync computes nothing)
 *   creationObserved(rs) x2    add=1  satisfied? no
 *   creationObserved(rs)       add=0  satisfied? yes  (sync counts pods again)
 * </pre>
 *
 * A creation that never shows up (a lost watch event, a failed create the controller forgot to
 * lower) would stall the controller forever, so expectations also expire after {@link #TTL}.
 */
public final class ControllerExpectations {

  /** Upstream's {@code ExpectationsTimeout}: 5 minutes. */
  public static final Duration TTL = Duration.ofMinutes(5);

  private record Expectation(int add, int delete, Instant setAt) {
    boolean fulfilled() {
      return add <= 0 && delete <= 0;
    }
  }

  private final Clock clock;
  private final ConcurrentMap<String, Expectation> byKey = new ConcurrentHashMap<>();

  public ControllerExpectations(Clock clock) {
    this.clock = clock;
  }

  /**
   * True when the controller may count from the cache again: nothing is expected, everything
   * expected was observed, or the expectation is older than {@link #TTL}.
   */
  public boolean satisfied(String controllerKey) {
    Expectation e = byKey.get(controllerKey);
    return e == null
        || e.fulfilled()
        || Duration.between(e.setAt(), clock.instant()).compareTo(TTL) > 0;
  }

  /** Replaces the key's expectations: {@code count} creations, no deletions. */
  public void expectCreations(String controllerKey, int count) {
    byKey.put(controllerKey, new Expectation(count, 0, clock.instant()));
  }

  /** Replaces the key's expectations: {@code count} deletions, no creations. */
  public void expectDeletions(String controllerKey, int count) {
    byKey.put(controllerKey, new Expectation(0, count, clock.instant()));
  }

  /** The informer saw one of the expected pods appear. */
  public void creationObserved(String controllerKey) {
    lower(controllerKey, 1, 0);
  }

  /** The informer saw one of the expected pods go. */
  public void deletionObserved(String controllerKey) {
    lower(controllerKey, 0, 1);
  }

  /** Lowers expectations for actions that failed and so will never be observed. */
  public void lower(String controllerKey, int creations, int deletions) {
    byKey.computeIfPresent(
        controllerKey,
        (k, e) -> new Expectation(e.add() - creations, e.delete() - deletions, e.setAt()));
  }

  /** Forgets the key (its controller object was deleted). */
  public void delete(String controllerKey) {
    byKey.remove(controllerKey);
  }
}
