package io.minik8s.client.cache;

import static io.minik8s.client.cache.Pods.added;
import static io.minik8s.client.cache.Pods.bookmark;
import static io.minik8s.client.cache.Pods.deleted;
import static io.minik8s.client.cache.Pods.error;
import static io.minik8s.client.cache.Pods.modified;
import static io.minik8s.client.cache.Pods.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.cache.Reflector.Next;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.testkit.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reflector driven one round at a time against a scripted server: what it lists, where it
 * watches from, what it writes to the store, and what it does when a watch ends.
 */
@Timeout(10)
class ReflectorTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final FakeListerWatcher<Pod> server = new FakeListerWatcher<>();
  private final RecordingStore<Pod> store = new RecordingStore<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Reflector<Pod> reflector = new Reflector<>(server, store, clock,
      Backoff.DEFAULT.withoutJitter(), sleeps::add, new Random(42));

  private static UncheckedIOException connectionReset() {
    return new UncheckedIOException(new IOException("connection reset"));
  }

  @Test
  @Graded(exercise = "3.2", points = 2)
  void firstRoundListsAtVersionZeroThenWatchesFromTheListsVersion() {
    server.list("100", pod("ns", "a", "90"), pod("ns", "b", "95")).watch();

    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).as("the first list asks for any cached state (rv \"0\")")
        .containsExactly("0");
    assertThat(store.calls()).as("the list replaces the store's content, with its version")
        .containsExactly("replace [ns/a, ns/b] @100");
    assertThat(server.watchVersions()).as("the watch starts at the list's resourceVersion")
        .containsExactly("100");
    assertThat(server.watchCalls.get(0).allowWatchBookmarks()).as("watch asks for bookmarks")
        .isTrue();
    assertThat(server.watchCalls.get(0).timeoutSeconds())
        .as("watch timeout in [5, 10) minutes, so the server closes idle watches")
        .isBetween(300L, 599L);
  }

  @Test
  @Graded(exercise = "3.2", points = 2)
  void watchEventsAreAppliedToTheStoreAndMoveTheResourceVersion() {
    server.list("100", pod("ns", "a", "90"))
        .watch(added(pod("ns", "b", "101")), modified(pod("ns", "a", "102")),
            deleted(pod("ns", "b", "103")));

    reflector.listAndWatchOnce();

    assertThat(store.calls()).as("one store call per event, in order").containsExactly(
        "replace [ns/a] @100", "add ns/b@101", "update ns/a@102", "delete ns/b@103");
    assertThat(store.listKeys()).containsExactly("ns/a");
    assertThat(reflector.lastSyncResourceVersion())
        .as("lastSyncResourceVersion after the DELETED event at 103").isEqualTo("103");
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void bookmarkOnlyAdvancesTheResourceVersion() {
    server.list("100").watch(bookmark("150")).watch();

    reflector.listAndWatchOnce();
    assertThat(store.calls()).as("a bookmark is no change").containsExactly("replace [] @100");
    assertThat(reflector.lastSyncResourceVersion()).isEqualTo("150");

    reflector.listAndWatchOnce();
    assertThat(server.watchVersions()).as("the next watch resumes from the bookmark")
        .containsExactly("100", "150");
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void cleanEndOfTheStreamRewatchesWithoutRelisting() {
    server.list("100").watch(added(pod("ns", "a", "120"))).watch();

    assertThat(reflector.listAndWatchOnce()).as("a watch that ends cleanly")
        .isEqualTo(Next.REWATCH);
    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).as("no relist after a clean end").containsExactly("0");
    assertThat(server.watchVersions()).containsExactly("100", "120");
    assertThat(sleeps).as("no backoff after a clean end").isEmpty();
  }

  @Test
  @Graded(exercise = "3.2", points = 2)
  void goneErrorEventRelistsFromTheLastVersion() {
    server.list("100")
        .watch(added(pod("ns", "a", "120")), error(410, "Expired"))
        .list("300", pod("ns", "a", "120"), pod("ns", "c", "290"))
        .watch();

    assertThat(reflector.listAndWatchOnce()).as("ERROR 410 ends the watch with a relist")
        .isEqualTo(Next.RELIST);
    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).as("the relist asks for state at least as new as we saw")
        .containsExactly("0", "120");
    assertThat(store.calls()).endsWith("replace [ns/a, ns/c] @300");
    assertThat(server.watchVersions()).containsExactly("100", "300");
    assertThat(sleeps).as("410 is not a failure of the server: no backoff").isEmpty();
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void brokenConnectionBacksOffThenWatchesFromWhereItWas() {
    server.list("100")
        .watchThenFail(connectionReset(), added(pod("ns", "a", "110")))
        .watch();

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
    assertThat(sleeps).as("one backoff of the initial 800 ms")
        .containsExactly(Duration.ofMillis(800));

    reflector.listAndWatchOnce();
    assertThat(server.listVersions()).as("events up to 110 are applied: no relist needed")
        .containsExactly("0");
    assertThat(server.watchVersions()).containsExactly("100", "110");
  }

  @Test
  @Graded(exercise = "3.2", points = 2)
  void backoffGrowsWithEachFailureAndStopsAtTheCap() {
    server.list("100");
    for (int i = 0; i < 8; i++) {
      server.watchFails(connectionReset());
    }

    for (int i = 0; i < 8; i++) {
      assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
    }

    assertThat(sleeps).as("800 ms doubling, capped at 30 s").containsExactly(
        Duration.ofMillis(800), Duration.ofMillis(1600), Duration.ofMillis(3200),
        Duration.ofMillis(6400), Duration.ofMillis(12800), Duration.ofMillis(25600),
        Duration.ofSeconds(30), Duration.ofSeconds(30));
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void failedListBacksOffAndListsAgain() {
    server.listFails(connectionReset()).list("100").watch();

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).as("the list is retried").containsExactly("0", "0");
    assertThat(server.watchVersions()).as("no watch before a list succeeded")
        .containsExactly("100");
    assertThat(sleeps).hasSize(1);
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void otherErrorEventBacksOff() {
    server.list("100").watch(error(500, "InternalError")).watch();

    assertThat(reflector.listAndWatchOnce()).as("ERROR 500 is a failure, not a relist")
        .isEqualTo(Next.BACKED_OFF);
    reflector.listAndWatchOnce();
    assertThat(server.listVersions()).containsExactly("0");
  }

  static Stream<Arguments> delays() {
    Backoff b = new Backoff(Duration.ofSeconds(1), 2.0, Duration.ofSeconds(10), 0.5,
        Duration.ofMinutes(2));
    return Stream.of(
        Arguments.of("first failure, r=0", b, 0, 0.0, Duration.ofSeconds(1)),
        Arguments.of("third failure, r=0", b, 2, 0.0, Duration.ofSeconds(4)),
        Arguments.of("4th failure just under the cap", b, 3, 0.0, Duration.ofSeconds(8)),
        Arguments.of("5th failure is capped", b, 4, 0.0, Duration.ofSeconds(10)),
        Arguments.of("jitter 0.5 * r=0.5 adds a quarter", b, 2, 0.5, Duration.ofSeconds(5)),
        Arguments.of("jitter comes on top of the cap", b, 9, 0.5, Duration.ofMillis(12500)),
        Arguments.of("factor 3", new Backoff(Duration.ofMillis(100), 3.0, Duration.ofSeconds(5),
            0.0, Duration.ofMinutes(2)), 2, 0.0, Duration.ofMillis(900)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("delays")
  @Graded(exercise = "3.2", points = 2)
  void backoffDelay(String name, Backoff backoff, int failures, double random, Duration want) {
    assertThat(backoff.delay(failures, random))
        .as("%s.delay(%d, %s)", backoff, failures, random).isEqualTo(want);
  }

  @Test
  @Graded(exercise = "3.2", points = 1)
  void runStopsWhenAskedWhileWatching() throws Exception {
    server.list("100", pod("ns", "a", "90")); // then an idle watch that never ends by itself
    Thread runner = new Thread(reflector::run);
    runner.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> server.watchCalls.size() == 1);
    reflector.stop();
    runner.join(5_000);

    assertThat(runner.isAlive()).as("run() returns after stop()").isFalse();
    assertThat(store.listKeys()).containsExactly("ns/a");
  }

  @Test
  void errorEventWithoutStatusIsAFailure() {
    server.list("1").watch(WatchEvent.error(null));
    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
  }
}
