package io.minik8s.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MutationLog;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Readers may see a write before it is durable, but no answer reports it until it is. Found by
 * the crash test (crash/CrashRecoveryTest): a delete of a missing key was answered with revision
 * 3877, the revision of another client's put still waiting for its fsync; the server was
 * SIGKILLed, came back at revision 3876, and would have given 3877 to a different write.
 *
 * <pre>
 *   writer   put /a          applied at revision 2, waits for its fsync
 *   reader   ANSWER          sees revision 2: must wait for that fsync too
 *   log      fsync           both answers leave, each saying revision 2
 * </pre>
 */
// build-only: a regression test of the reference's durability; on a skeleton every case waits out
// its timeout, so the grader skips it (the Maven build runs it)
@Tag("build-only")
class DurableAnswersTest {

  /** A log whose appends become durable only when the test says so; counts who waits for it. */
  static final class GatedLog implements MutationLog {
    private long appended;
    private long durable;
    private int waiting;
    /** Every append, past and future, is durable. */
    private boolean open;

    @Override
    public synchronized Durable append(Mutation mutation) {
      long sequence = ++appended;
      return () -> awaitDurable(sequence);
    }

    @Override
    public synchronized Durable appended() {
      long sequence = appended;
      return () -> awaitDurable(sequence);
    }

    private synchronized void awaitDurable(long sequence) {
      waiting++;
      try {
        while (!open && durable < sequence) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } finally {
        waiting--;
      }
    }

    /** Makes what was appended so far durable, as one fsync would. */
    synchronized void makeDurable() {
      durable = appended;
      notifyAll();
    }

    /** From now on, every append is durable at once. */
    synchronized void open() {
      open = true;
      notifyAll();
    }

    synchronized int waiting() {
      return waiting;
    }
  }

  static Stream<Arguments> answers() {
    Bytes a = Bytes.of("/a");
    return Stream.of(
        answer("range", s -> s.range(RangeRequest.key(a)).header().revision()),
        answer("delete of a missing key",
            s -> s.deleteRange(DeleteRangeRequest.key(Bytes.of("/missing"))).header().revision()),
        answer("txn that only reads", s -> s.txn(new TxnRequest(List.of(),
            List.of(new RequestOp.Range(RangeRequest.key(a))), List.of())).header().revision()),
        answer("status", s -> s.status().header().revision()),
        answer("lease grant", s -> s.leaseGrant(60, 0).header().revision()));
  }

  /** A named answer and the header revision it reports. */
  private static Arguments answer(String name, ToLongFunction<EmbeddedStore> revision) {
    return Arguments.of(name, revision);
  }

  private final GatedLog log = new GatedLog();
  private final EmbeddedStore store =
      EmbeddedStore.builder().clock(ManualClock.startingAtEpochOfCourse()).mutationLog(log).build();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    log.open();
    threads.shutdownNow();
    store.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void anAnswerWaitsUntilTheWritesItReportsAreDurable(String name, ToLongFunction<EmbeddedStore> answer)
      throws Exception {
    CompletableFuture<Long> put = CompletableFuture.supplyAsync(
        () -> store.put(PutRequest.of(Bytes.of("/a"), Bytes.of("v"))).header().revision(), threads);
    await("the put to wait for its fsync").atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 1);

    CompletableFuture<Long> reported = CompletableFuture.supplyAsync(() -> answer.applyAsLong(store), threads);
    await(name + " to wait for the put's fsync").atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 2);
    assertThat(reported).as(name + " answered before the put it reports was durable").isNotDone();

    log.makeDurable();
    assertThat(reported.get(10, TimeUnit.SECONDS)).as(name + "'s header revision").isEqualTo(2);
    assertThat(put.get(10, TimeUnit.SECONDS)).as("the put's revision").isEqualTo(2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void anAnswerDoesNotWaitWhenEverythingIsDurable(String name, ToLongFunction<EmbeddedStore> answer) {
    CompletableFuture<Long> put = CompletableFuture.supplyAsync(
        () -> store.put(PutRequest.of(Bytes.of("/a"), Bytes.of("v"))).header().revision(), threads);
    await("the put to wait for its fsync").atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 1);
    log.open();

    assertThat(answer.applyAsLong(store)).as(name + "'s header revision").isEqualTo(2);
    assertThat(put.join()).isEqualTo(2);
  }

  @Test
  void aWatcherSeesACommitOnlyOnceItIsDurable() throws Exception {
    List<WatchResponse> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    store.watch(WatchRequest.prefix(Bytes.of("/")), seen::add);
    await("the watch to be created").atMost(Duration.ofSeconds(10)).until(() -> seen.size() == 1);

    CompletableFuture<Long> put = CompletableFuture.supplyAsync(
        () -> store.put(PutRequest.of(Bytes.of("/a"), Bytes.of("v"))).header().revision(), threads);
    await("the put to wait for its fsync").atMost(Duration.ofSeconds(10)).until(() -> log.waiting() == 1);

    // what the watch hub can read stops before the put: a crash now would take it back
    assertThat(store.commitLog().currentRevision()).as("revision visible to watchers before the fsync").isEqualTo(1);
    assertThat(store.commitLog().commitsAfter(1)).as("history visible to watchers before the fsync").isEmpty();

    log.makeDurable();
    assertThat(put.get(10, TimeUnit.SECONDS)).as("the put's revision").isEqualTo(2);
    await("the event after the fsync").atMost(Duration.ofSeconds(10))
        .until(() -> seen.stream().anyMatch(r -> !r.events().isEmpty()));
    assertThat(seen.get(seen.size() - 1).events()).singleElement()
        .satisfies(e -> assertThat(e.kv().modRevision()).as("event revision").isEqualTo(2));
  }
}

