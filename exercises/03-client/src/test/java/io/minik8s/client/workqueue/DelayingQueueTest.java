package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.testkit.ManualClock;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Delayed adds on a manual clock: the test advances the clock, then moves due items itself
 * ({@code moveDueItems()}), so nothing depends on the waiting thread's timing. Assertions read
 * {@code len()}, not what {@code moveDueItems()} returns: the waiting thread, woken by an add,
 * may read the advanced clock and move the due items first.
 */
class DelayingQueueTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final DelayingWorkQueue<String> queue = new DelayingWorkQueue<>(new BasicQueue<>(), clock);

  @AfterEach
  void shutDown() {
    queue.shutDown();
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void aDelayedItemArrivesWhenItsTimeComes() {
    queue.addAfter("a", Duration.ofSeconds(10));
    assertThat(queue.len()).as("addAfter(a, 10s) at t=0").isZero();

    clock.advanceSeconds(9);
    assertThat(queue.moveDueItems()).as("items moved at t=9s").isZero();
    clock.advanceSeconds(1);
    queue.moveDueItems();
    assertThat(queue.len()).as("items in the queue at t=10s").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void delayedItemsArriveInTheOrderOfTheirReadyTimes() throws Exception {
    queue.addAfter("c", Duration.ofMillis(30));
    queue.addAfter("a", Duration.ofMillis(10));
    queue.addAfter("b", Duration.ofMillis(20));

    clock.advance(Duration.ofMillis(30));
    queue.moveDueItems();
    assertThat(WorkQueueTest.drain(queue)).as("ready at 30, 10, 20 ms").containsExactly("a", "b", "c");
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void twoDelayedAddsOfOneItemKeepTheEarlierTime() {
    queue.addAfter("a", Duration.ofSeconds(50));
    queue.addAfter("a", Duration.ofSeconds(10)); // earlier: wins
    queue.addAfter("b", Duration.ofSeconds(10));
    queue.addAfter("b", Duration.ofSeconds(50)); // later: ignored

    clock.advanceSeconds(10);
    queue.moveDueItems();
    assertThat(queue.len()).as("a and b both due at 10s").isEqualTo(2);
    assertThat(queue.waitingCount()).as("no second copy left waiting").isZero();
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void zeroDelayAddsAtOnce() {
    queue.addAfter("a", Duration.ZERO);
    assertThat(queue.len()).isEqualTo(1);
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void theWaitingThreadMovesDueItemsOnARealClock() throws Exception {
    DelayingWorkQueue<String> real = new DelayingWorkQueue<>(new BasicQueue<>(), Clock.systemUTC());
    try {
      real.addAfter("a", Duration.ofMillis(20));
      await().atMost(Duration.ofSeconds(5)).until(() -> real.len() == 1);
      assertThat(real.get()).isEqualTo("a");
    } finally {
      real.shutDown();
    }
  }
}
