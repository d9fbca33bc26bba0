package io.minik8s.controllers.replicaset;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlowStartBatchTest {

  static Stream<Arguments> cases() {
    // name, count, first failing call (0 = none), calls made, successes
    return Stream.of(
        Arguments.of("nothing to do", 0, 0, 0, 0),
        Arguments.of("all succeed: batches 1, 2, 4, 3", 10, 0, 10, 10),
        Arguments.of("first call fails: nothing more", 10, 1, 1, 0),
        Arguments.of("fails in batch 2: batch 2 finishes, then stop", 10, 2, 3, 1),
        Arguments.of("fails at the end of batch 4 (call 7)", 10, 7, 7, 6),
        Arguments.of("fails in the last, shortened batch", 10, 8, 10, 7));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @Graded(exercise = "4.1", points = 2)
  void callsInDoublingBatchesAndStopsAfterAFailedOne(
      String name, int count, int failFrom, int expectedCalls, int expectedSuccesses) {
    AtomicInteger calls = new AtomicInteger();
    // on the calling thread, so that "call n" is the n-th call
    SlowStartBatch.Result result = SlowStartBatch.run(count, 1, Runnable::run, () -> {
      int call = calls.incrementAndGet();
      if (failFrom > 0 && call >= failFrom) {
        throw new IllegalStateException("call " + call + " fails");
      }
    });

    assertThat(calls.get()).as("%s: calls made (count %d)", name, count).isEqualTo(expectedCalls);
    assertThat(result.successes()).as("%s: successes reported", name).isEqualTo(expectedSuccesses);
    if (failFrom > 0 && failFrom <= count) {
      assertThat(result.firstError()).as("%s: first error", name)
          .hasMessage("call " + failFrom + " fails");
    } else {
      assertThat(result.firstError()).as("%s: error when every call succeeded", name).isNull();
    }
  }

  /**
   * Each call of batch 2 and of batch 4 waits at a barrier until the rest of its batch has
   * started: run one after another, the first of them would wait alone until the barrier gave up.
   */
  @Test
  @Graded(exercise = "4.1", points = 2)
  void theCallsOfABatchRunAtOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      AtomicInteger calls = new AtomicInteger();
      CyclicBarrier batchOfTwo = new CyclicBarrier(2);
      CyclicBarrier batchOfFour = new CyclicBarrier(4);
      SlowStartBatch.Result result = SlowStartBatch.run(7, 1, pool, () -> {
        int call = calls.incrementAndGet();
        try {
          if (call >= 2 && call <= 3) {
            batchOfTwo.await(5, TimeUnit.SECONDS);
          } else if (call >= 4) {
            batchOfFour.await(5, TimeUnit.SECONDS);
          }
        } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
          throw new IllegalStateException("call " + call + " waited alone for the rest of its batch", e);
        }
      });
      assertThat(result.firstError()).as("a batch's calls must be started together on the executor").isNull();
      assertThat(result.successes()).isEqualTo(7);
    } finally {
      pool.shutdownNow();
    }
  }
}
