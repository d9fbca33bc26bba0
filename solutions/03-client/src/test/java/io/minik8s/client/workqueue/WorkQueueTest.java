package io.minik8s.client.workqueue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The basic queue's three promises, traced as in {@link BasicQueue}'s doc comment: one copy of
 * each waiting item, never one item at two workers, and no change lost while a worker has it.
 */
class WorkQueueTest {

  private final WorkQueue<String> queue = new BasicQueue<>();

  @Test
  @Graded(exercise = "3.4", points = 1)
  void addDeduplicatesWaitingItems() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.add("a");

    assertThat(queue.len()).as("add(a), add(b), add(a): a waits once").isEqualTo(2);
    assertThat(drain(queue)).as("items handed out").containsExactly("a", "b");
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void itemsComeOutInTheOrderTheyWereFirstAdded() throws Exception {
    for (String item : List.of("c", "a", "b", "a", "c")) {
      queue.add(item);
    }
    assertThat(drain(queue)).as("FIFO by first add").containsExactly("c", "a", "b");
  }

  @Test
  @Graded(exercise = "3.4", points = 2)
  void anItemBeingProcessedIsNotHandedToASecondWorker() throws Exception {
    queue.add("a");
    queue.add("b");
    assertThat(queue.get()).isEqualTo("a");

    queue.add("a"); // changed while worker 1 has it
    assertThat(queue.len()).as("a re-added while processing must not be queued yet").isEqualTo(1);
    assertThat(queue.get()).as("worker 2 gets b, never a second copy of a").isEqualTo("b");
    assertThat(queue.len()).isZero();
  }

  @Test
  @Graded(exercise = "3.4", points = 2)
  void anItemReAddedWhileProcessedIsQueuedAgainAtDone() throws Exception {
    queue.add("a");
    String item = queue.get();
    queue.add("a");
    queue.add("a");
    queue.done(item);

    assertThat(queue.len()).as("after done(a), the re-added a waits once").isEqualTo(1);
    assertThat(queue.get()).isEqualTo("a");
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void doneWithoutReAddLeavesNothingQueued() throws Exception {
    queue.add("a");
    queue.done(queue.get());
    assertThat(queue.len()).as("a processed once and not re-added").isZero();

    queue.add("a");
    assertThat(queue.len()).as("a may be added again after done").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void shutDownHandsOutWhatIsLeftThenNull() throws Exception {
    queue.add("a");
    queue.add("b");
    queue.shutDown();
    queue.add("c");

    assertThat(queue.isShuttingDown()).isTrue();
    assertThat(queue.get()).isEqualTo("a");
    assertThat(queue.get()).isEqualTo("b");
    assertThat(queue.get()).as("drained and shut down: workers exit on null; c was added too late")
        .isNull();
  }

  @Test
  @Graded(exercise = "3.4", points = 1)
  void getBlocksUntilAnItemArrives() {
    CompletableFuture<String> worker = CompletableFuture.supplyAsync(() -> {
      try {
        return queue.get();
      } catch (InterruptedException e) {
        throw new CompletionException(e);
      }
    });
    queue.add("a");
    await().atMost(Duration.ofSeconds(5)).until(worker::isDone);
    assertThat(worker.join()).isEqualTo("a");
  }

  /** Takes every waiting item, calling done on each. */
  static List<String> drain(WorkQueue<String> queue) throws InterruptedException {
    List<String> out = new ArrayList<>();
    while (queue.len() > 0) {
      String item = queue.get();
      out.add(item);
      queue.done(item);
    }
    return out;
  }
}
