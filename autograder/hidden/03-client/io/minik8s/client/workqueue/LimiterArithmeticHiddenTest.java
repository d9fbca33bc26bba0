package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimiterArithmeticHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();

  @Test
  @Graded(exercise = "3.4", points = 2,
      hint = "base * 2^n overflows a long after enough failures; compare with the cap before converting, so the delay stays at max forever.")
  void backoffNeverOverflows() {
    var limiter = new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));
    Duration last = null;
    for (int i = 0; i < 200; i++) {
      last = limiter.when("a");
      assertThat(last).as("delay of failure %d", i + 1)
          .isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1000));
    }
    assertThat(last).isEqualTo(Duration.ofSeconds(1000));
    assertThat(limiter.numRequeues("a")).isEqualTo(200);
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "Failures are counted per item: one failing item must not slow down another.")
  void backoffIsPerItem() {
    var limiter = new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(1), Duration.ofSeconds(1));
    limiter.when("a");
    limiter.when("a");
    assertThat(limiter.when("b")).isEqualTo(Duration.ofMillis(1));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(4));
    assertThat(limiter.numRequeues("b")).isEqualTo(1);
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "The bucket never holds more than burst tokens, however long it stays idle.")
  void bucketRefillIsCappedAtBurst() {
    var bucket = new BucketRateLimiter<String>(10, 2, clock);
    bucket.when("a");
    clock.advanceSeconds(3600);
    assertThat(bucket.when("b")).isZero();
    assertThat(bucket.when("c")).isZero();
    assertThat(bucket.when("d")).as("third call after an idle hour, burst 2").isEqualTo(Duration.ofMillis(100));
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "Reserved tokens may make the bucket negative; time refills it fractionally (qps * elapsed seconds).")
  void bucketReservationsQueueUpAndRefillFractionally() {
    var bucket = new BucketRateLimiter<String>(10, 2, clock);
    bucket.when("1");
    bucket.when("2");
    bucket.when("3"); // tokens -1
    bucket.when("4"); // tokens -2
    clock.advance(Duration.ofMillis(150)); // -2 + 1.5 = -0.5
    assertThat(bucket.when("5")).as("tokens -1.5 at 10 qps").isEqualTo(Duration.ofMillis(150));
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "MaxOf asks every limiter on every call (each counts the failure), even when the first already gives a long delay.")
  void maxOfAsksEveryLimiter() {
    var backoff = new ItemExponentialFailureRateLimiter<String>(Duration.ofSeconds(1), Duration.ofSeconds(100));
    var fastSlow = new ItemFastSlowRateLimiter<String>(Duration.ofMillis(1), Duration.ofMillis(2), 1);
    var limiter = new MaxOfRateLimiter<String>(backoff, fastSlow);
    limiter.when("a");
    limiter.when("a");
    assertThat(backoff.numRequeues("a")).isEqualTo(2);
    assertThat(fastSlow.numRequeues("a")).isEqualTo(2);
    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(4));
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "Fast-slow: attempts 1..maxFastAttempts wait the fast delay, every later one the slow delay.")
  void fastThenSlow() {
    var limiter = new ItemFastSlowRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(10), 2);
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
    assertThat(limiter.when("a")).isEqualTo(Duration.ofSeconds(10));
    limiter.forget("a");
    assertThat(limiter.when("a")).isEqualTo(Duration.ofMillis(5));
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "The default controller limiter is the max of 5 ms..1000 s backoff and a 10 qps, burst 100 bucket.")
  void defaultLimiterBucketTakesOverAfterTheBurst() {
    RateLimiter<String> limiter = RateLimiters.defaultController(clock);
    for (int i = 0; i < 100; i++) {
      assertThat(limiter.when("item-" + i)).as("retry %d of the burst", i).isEqualTo(Duration.ofMillis(5));
    }
    assertThat(limiter.when("item-100")).as("101st retry at once: bucket empty, 10 qps")
        .isEqualTo(Duration.ofMillis(100));
  }
}
