package io.minik8s.client.cache;

import static io.minik8s.client.cache.HiddenCacheScript.event;
import static io.minik8s.client.cache.HiddenCacheScript.gone;
import static io.minik8s.client.cache.HiddenCacheScript.pod;
import static io.minik8s.client.cache.HiddenCacheScript.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.client.cache.HiddenCacheScript.MapStore;
import io.minik8s.client.cache.HiddenCacheScript.Server;
import io.minik8s.client.cache.Reflector.Next;
import io.minik8s.client.errors.ApiStatusException;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.meta.Status;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How the reflector recovers: 410 in every place it can appear, backoff reset and jitter. */
@Timeout(10)
class ReflectorRecoveryHiddenTest {

  private final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  private final Server server = new Server();
  private final MapStore store = new MapStore();
  private final List<Duration> sleeps = new ArrayList<>();

  private Reflector<Pod> reflector(Backoff backoff, long seed) {
    return new Reflector<>(server, store, clock, backoff, sleeps::add, new Random(seed));
  }

  @Test
  @Graded(exercise = "3.2", points = 2,
      hint = "A GoneException thrown by watch() itself (not only an ERROR event) means: list "
          + "again.")
  void goneWhenOpeningTheWatchRelists() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100").watchThrows(gone()).list("200", pod("ns", "a", "150")).watchEnding(null);

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.RELIST);
    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).containsExactly("0", "100");
    assertThat(server.watchVersions()).containsExactly("100", "200");
    assertThat(sleeps).isEmpty();
  }

  @Test
  @Graded(exercise = "3.2", points = 1,
      hint = "A GoneException can also break a stream in next(); treat it like the ERROR event.")
  void goneThrownMidStreamRelists() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100").watchEnding(gone(), event(EventType.ADDED, pod("ns", "a", "105")),
        event(EventType.DELETED, pod("ns", "a", "106")));

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.RELIST);
    assertThat(store.calls)
        .containsExactly("replace [] @100", "add ns/a@105", "delete ns/a@106");
    assertThat(reflector.lastSyncResourceVersion()).isEqualTo("106");
  }

  @Test
  @Graded(exercise = "3.2", points = 2,
      hint = "When a relist at your last resourceVersion answers 410 too, list again without a "
          + "resourceVersion (the latest state), as upstream's relistResourceVersion does.")
  void relistThatIsGoneTooAsksForTheLatestState() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100").watchEnding(null, event(EventType.BOOKMARK, pod(null, null, "120")),
            WatchEvent.error(Status.failure(410, "Expired", "too old", null)))
        .listThrows(gone())
        .list("500", pod("ns", "b", "480"))
        .watchEnding(null);

    reflector.listAndWatchOnce();
    reflector.listAndWatchOnce();

    assertThat(server.listVersions()).hasSize(3);
    assertThat(server.listVersions().subList(0, 2)).containsExactly("0", "120");
    assertThat(server.listVersions().get(2)).as("third list: no resourceVersion").isNullOrEmpty();
    assertThat(store.calls).containsExactly("replace [] @100", "replace [ns/b] @500");
    assertThat(server.watchVersions()).containsExactly("100", "500");
  }

  @Test
  @Graded(exercise = "3.2", points = 2,
      hint = "The failure count starts over only when the previous backoff is MORE than "
          + "resetAfter ago (use the injected clock).")
  void backoffStartsOverAfterAQuietPeriod() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("1");
    for (int i = 0; i < 4; i++) {
      server.watchThrows(refused());
    }

    reflector.listAndWatchOnce();          // 0.8 s
    reflector.listAndWatchOnce();          // 1.6 s
    clock.advance(Duration.ofMinutes(2));  // exactly resetAfter: not quiet long enough
    reflector.listAndWatchOnce();          // 3.2 s
    clock.advance(Duration.ofMinutes(2).plusMillis(1));
    reflector.listAndWatchOnce();          // quiet: 0.8 s again

    assertThat(sleeps).containsExactly(Duration.ofMillis(800), Duration.ofMillis(1600),
        Duration.ofMillis(3200), Duration.ofMillis(800));
  }

  @Test
  @Graded(exercise = "3.2", points = 2,
      hint = "Jitter adds base * jitter * random.nextDouble() with the injected Random, on top "
          + "of the (capped) base delay.")
  void jitterIsBoundedAndRepeatableWithASeed() {
    for (int i = 0; i < 7; i++) {
      server.watchThrows(refused());
    }
    server.list("1");
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT, 7);
    for (int i = 0; i < 7; i++) {
      reflector.listAndWatchOnce();
    }
    long[] base = {800, 1600, 3200, 6400, 12800, 25600, 30000};
    for (int i = 0; i < base.length; i++) {
      assertThat(sleeps.get(i).toMillis()).as("delay %d with jitter 1.0", i)
          .isBetween(base[i], 2 * base[i]);
    }
    assertThat(sleeps).as("jitter must vary the delays")
        .anyMatch(d -> d.toMillis() > 0 && !List.of(800L, 1600L, 3200L, 6400L, 12800L, 25600L,
            30000L).contains(d.toMillis()));

    List<Duration> first = List.copyOf(sleeps);
    sleeps.clear();
    Server again = new Server();
    for (int i = 0; i < 7; i++) {
      again.watchThrows(refused());
    }
    again.list("1");
    Reflector<Pod> twin = new Reflector<>(again, new MapStore(), clock, Backoff.DEFAULT,
        sleeps::add, new Random(7));
    for (int i = 0; i < 7; i++) {
      twin.listAndWatchOnce();
    }
    assertThat(sleeps).as("the same seed gives the same delays").isEqualTo(first);
  }

  @Test
  @Graded(exercise = "3.2", points = 1,
      hint = "Only events that carry an object move the resourceVersion; an ERROR event does not "
          + "touch the store.")
  void errorEventLeavesStoreAndVersionAlone() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100").watchEnding(null, event(EventType.MODIFIED, pod("ns", "a", "130")),
        WatchEvent.error(Status.failure(500, "InternalError", "boom", null)));

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
    assertThat(store.calls).containsExactly("replace [] @100", "update ns/a@130");
    assertThat(reflector.lastSyncResourceVersion()).isEqualTo("130");
  }

  @Test
  @Graded(exercise = "3.2", points = 1,
      hint = "An event whose object has no resourceVersion cannot move the position: keep the "
          + "last one you had.")
  void eventWithoutVersionKeepsTheLastOne() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100").watchEnding(null, event(EventType.ADDED, pod("ns", "a", "110")),
        event(EventType.MODIFIED, pod("ns", "a", null)),
        event(EventType.MODIFIED, pod("ns", "a", ""))).watchEnding(null);

    reflector.listAndWatchOnce();
    reflector.listAndWatchOnce();

    assertThat(reflector.lastSyncResourceVersion()).isEqualTo("110");
    assertThat(server.watchVersions()).containsExactly("100", "110");
  }

  @Test
  @Graded(exercise = "3.2", points = 1,
      hint = "A Status failure other than 410 when opening the watch is a failure: back off and "
          + "watch again from the same resourceVersion, no list.")
  void statusFailureWhenOpeningTheWatchBacksOffAndRewatches() {
    Reflector<Pod> reflector = reflector(Backoff.DEFAULT.withoutJitter(), 1);
    server.list("100")
        .watchThrows(new ApiStatusException(Status.failure(429, "TooManyRequests", "slow", null)))
        .watchEnding(null);

    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.BACKED_OFF);
    assertThat(reflector.listAndWatchOnce()).isEqualTo(Next.REWATCH);
    assertThat(server.listVersions()).containsExactly("0");
    assertThat(server.watchVersions()).containsExactly("100", "100");
  }

  @Test
  @Graded(exercise = "3.2", points = 1,
      hint = "stop() must also end a long backoff sleep, and run() must return.")
  void stopEndsALongBackoff() throws Exception {
    Backoff hour = new Backoff(Duration.ofHours(1), 2.0, Duration.ofHours(2), 0.0,
        Duration.ofMinutes(2));
    List<String> phases = new java.util.concurrent.CopyOnWriteArrayList<>();
    Reflector<Pod> reflector = new Reflector<>(server, store, clock, hour, d -> {
      phases.add("sleep " + d);
      Sleeper.REAL.sleep(d);
    }, new Random(1));
    server.list("1").watchThrows(refused());
    Thread runner = new Thread(reflector::run);
    runner.start();

    await().atMost(Duration.ofSeconds(5)).until(() -> phases.contains("sleep PT1H"));
    reflector.stop();
    runner.join(5_000);

    assertThat(runner.isAlive()).isFalse();
  }
}
