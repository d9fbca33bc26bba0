package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class QueueSemanticsHiddenTest {

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "While a worker holds an item, further adds of it are remembered (dirty) but not queued; done() queues it exactly once.")
  void manyAddsDuringProcessingQueueOneCopy() throws Exception {
    BasicQueue<String> queue = new BasicQueue<>();
    queue.add("a");
    String a = queue.get();
    queue.add("a");
    queue.add("b");
    queue.add("a");
    assertThat(queue.len()).as("only b waits while a is processed").isEqualTo(1);
    queue.done(a);
    assertThat(queue.len()).as("b and the re-added a").isEqualTo(2);
    assertThat(queue.get()).isEqualTo("b");
    assertThat(queue.get()).isEqualTo("a");
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "An item handed out by get() is no longer dirty: adding it again must be remembered for done().")
  void anItemIsDirtyAgainOnlyIfAddedAfterGet() throws Exception {
    BasicQueue<String> queue = new BasicQueue<>();
    queue.add("a");
    queue.add("a");
    String a = queue.get();
    queue.done(a);
    assertThat(queue.len()).as("two adds before get are one item: nothing left after done").isZero();
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "shutDown() must wake workers blocked in get(); with nothing left they get null.")
  void shutDownWakesABlockedWorker() {
    BasicQueue<String> queue = new BasicQueue<>();
    queue.add("x");
    CompletableFuture<String> worker = CompletableFuture.supplyAsync(() -> {
      try {
        String first = queue.get();
        queue.done(first);
        return queue.get();
      } catch (InterruptedException e) {
        throw new CompletionException(e);
      }
    });
    await().atMost(Duration.ofSeconds(5)).until(() -> queue.len() == 0);
    queue.shutDown();
    await().atMost(Duration.ofSeconds(5)).until(worker::isDone);
    assertThat(worker.join()).isNull();
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "done() that queues an item again must wake a worker blocked in get().")
  void doneWakesAWaitingWorkerForARequeuedItem() throws Exception {
    BasicQueue<String> queue = new BasicQueue<>();
    queue.add("a");
    String a = queue.get();
    queue.add("a"); // dirty while processed
    CompletableFuture<String> second = new CompletableFuture<>();
    Thread worker = new Thread(() -> {
      try {
        second.complete(queue.get());
      } catch (InterruptedException e) {
        second.completeExceptionally(e);
      }
    });
    worker.setDaemon(true);
    worker.start();
    await().atMost(Duration.ofSeconds(5)).until(() -> worker.getState() == Thread.State.WAITING);
    queue.done(a);
    await().atMost(Duration.ofSeconds(5)).until(second::isDone);
    assertThat(second.join()).isEqualTo("a");
    queue.shutDown();
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "After shutDown(), add() is ignored, even for an item being processed when done() is called.")
  void addsAfterShutDownAreIgnored() throws Exception {
    BasicQueue<String> queue = new BasicQueue<>();
    queue.add("a");
    String a = queue.get();
    queue.shutDown();
    queue.add("a");
    queue.add("b");
    queue.done(a);
    assertThat(queue.len()).isZero();
    assertThat(queue.get()).isNull();
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "An item is due when its ready time is not after now: exactly at the ready time counts.")
  void anItemIsDueExactlyAtItsReadyTime() {
    ManualClock clock = ManualClock.startingAtEpochOfCourse();
    DelayingWorkQueue<String> queue = new DelayingWorkQueue<>(new BasicQueue<>(), clock);
    try {
      queue.addAfter("a", Duration.ofMillis(100));
      clock.advance(Duration.ofNanos(99_999_999));
      assertThat(queue.moveDueItems()).as("1 ns before the ready time").isZero();
      clock.advance(Duration.ofNanos(1));
      queue.moveDueItems(); // the waiting thread may have moved it already: check len()
      assertThat(queue.len()).as("items in the queue at the ready time").isEqualTo(1);
      assertThat(queue.moveDueItems()).as("moved once only").isZero();
      assertThat(queue.len()).as("items in the queue after a second move").isEqualTo(1);
    } finally {
      queue.shutDown();
    }
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "After an item is moved into the queue, a new addAfter of it starts a fresh wait.")
  void anItemCanWaitAgainAfterItWasMoved() {
    ManualClock clock = ManualClock.startingAtEpochOfCourse();
    DelayingWorkQueue<String> queue = new DelayingWorkQueue<>(new BasicQueue<>(), clock);
    try {
      queue.addAfter("a", Duration.ofSeconds(1));
      queue.addAfter("b", Duration.ofSeconds(3));
      clock.advanceSeconds(1);
      queue.moveDueItems();
      queue.addAfter("a", Duration.ofSeconds(5));
      assertThat(queue.waitingCount()).as("b and the new wait of a").isEqualTo(2);
      clock.advanceSeconds(2);
      queue.moveDueItems();
      assertThat(queue.waitingCount()).as("at t=3s only b is due: a still waits").isEqualTo(1);
      assertThat(queue.len()).as("a (moved at t=1s) and b in the queue at t=3s").isEqualTo(2);
    } finally {
      queue.shutDown();
    }
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "A worker blocked in get() on an empty queue must be woken when an item is added (signal the condition it waits on).")
  void aWorkerBlockedInGetIsWokenByAnAdd() throws Exception {
    BasicQueue<String> queue = new BasicQueue<>();
    CompletableFuture<String> worker = CompletableFuture.supplyAsync(() -> {
      try {
        return queue.get();
      } catch (InterruptedException e) {
        throw new CompletionException(e);
      }
    });
    await().during(Duration.ofMillis(100)).atMost(Duration.ofSeconds(2)).until(() -> !worker.isDone());
    queue.add("a");
    assertThat(worker.get(3, java.util.concurrent.TimeUnit.SECONDS)).as("what the blocked worker got").isEqualTo("a");
  }

  @Test
  @Graded(exercise = "3.4", points = 1,
      hint = "An item whose time is earlier than everything waiting must wake the waiting thread, or it waits for the old earliest time (or the heartbeat).")
  void anEarlierItemWakesTheWaitingThread() {
    DelayingWorkQueue<String> queue = new DelayingWorkQueue<>(new BasicQueue<>(), java.time.Clock.systemUTC());
    queue.addAfter("late", Duration.ofHours(1));
    queue.addAfter("soon", Duration.ofMillis(50));
    await().atMost(Duration.ofSeconds(3)).untilAsserted(() ->
        assertThat(queue.len()).as("items in the queue 50 ms after adding one due then, with one due in an hour waiting")
            .isEqualTo(1));
    queue.shutDown();
  }
}
