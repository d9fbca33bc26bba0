package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each limiter's arithmetic, with the delays derived in the comments. */
class RateLimiterTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();

  @Test
  @Graded(exercise = "3.4", points = 1)
  void exponentialBackoffDoublesFromBaseUpToMax() {
    var limiter = new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofMillis(60));
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      delays.add(limiter.when("a").toMillis());
    }
    // 5 * 2^n: 5, 10, 20, 40, then 80 and 160 capped at 60
    assertThat(delays).as("delays of 6 failures, base 5 ms, max 60 ms").containsExactly(5L, 10L, 20L, 40L, 60L, 60L);
    assertThat(limiter.numRequeues("a")).isEqualTo(6);
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void forgetStartsAnItemOver() {
    var limiter = new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    limiter.when("a");
    limiter.when("a");
    limiter.forget("a");
    assertThat(limiter.numRequeues("a")).isZero();
    assertThat(limiter.when("a")).as("first failure after forget").isEqualTo(Duration.ofMillis(5));
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void bucketLetsABurstThroughThenSpacesCalls() {
    var bucket = new BucketRateLimiter<String>(10, 3, clock);
    List<Long> delays = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      delays.add(bucket.when("item-" + i).toMillis());
    }
    // burst 3 at once; then tokens -1, -2 at 10 qps: 100 ms, 200 ms
    assertThat(delays).as("5 calls at t=0, qps 10, burst 3").containsExactly(0L, 0L, 0L, 100L, 200L);
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void bucketRefillsWithTime() {
    var bucket = new BucketRateLimiter<String>(10, 1, clock);
    assertThat(bucket.when("a")).isEqualTo(Duration.ZERO);
    clock.advance(Duration.ofMillis(100)); // one token back
    assertThat(bucket.when("b")).as("after 100 ms at 10 qps").isEqualTo(Duration.ZERO);
    assertThat(bucket.when("c")).as("bucket empty again").isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void maxOfPicksTheLargerDelay() {
    var limiter = new MaxOfRateLimiter<String>(
        new ItemExponentialFailureRateLimiter<>(Duration.ofMillis(5), Duration.ofSeconds(1000)),
        new BucketRateLimiter<>(10, 1, clock));
    // backoff 5 ms vs bucket 0: 5 ms; backoff 10 ms vs bucket 100 ms: 100 ms
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void defaultControllerLimiterStartsAtFiveMilliseconds() {
    RateLimiter<String> limiter = RateLimiters.defaultController(clock);
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(10));
    assertThat(limiter.when("b")).as("another item starts at the base").isEqualTo(Duration.ofMillis(5));
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void rateLimitedAddsWaitForTheLimiter() throws Exception {
    var queue = new RateLimitedWorkQueue<String>(new DelayingWorkQueue<>(new BasicQueue<>(), clock),
        new ItemExponentialFailureRateLimiter<>(Duration.ofSeconds(1), Duration.ofSeconds(60)));
    try {
      queue.addRateLimited("a");
      queue.addRateLimited("a");
      assertThat(queue.numRequeues("a")).isEqualTo(2);
      assertThat(queue.len()).as("retry not due yet").isZero();
      clock.advanceSeconds(1);
      queue.delaying().moveDueItems();
      assertThat(queue.len()).as("first retry due after 1 s (the earlier of 1 s and 2 s)").isEqualTo(1);
      queue.forget("a");
      assertThat(queue.numRequeues("a")).isZero();
    } finally {
      queue.shutDown();
    }
  }
}
