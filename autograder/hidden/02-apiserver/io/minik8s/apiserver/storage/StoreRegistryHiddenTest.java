package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.RegistryFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StoreRegistryHiddenTest {

  private final RegistryFixture fx = new RegistryFixture();
  private final ObjectRegistry pods = fx.pods();

  @AfterEach
  void close() {
    fx.close();
  }

  @Test
  @Graded(exercise = "2.1", points = 2,
      hint = "An update without a resourceVersion must not lose a race: when the compare on mod_revision fails, read again and call the update function again.")
  void racingUnconditionalUpdatesAllLand() throws Exception {
    pods.create(pod("default", "counter"), false);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(threads.submit(() -> {
          for (int i = 0; i < 10; i++) {
            pods.update("default", "counter", o -> {
              int n = Integer.parseInt(o.annotations().getOrDefault("n", "0"));
              o.setAnnotations(Map.of("n", Integer.toString(n + 1)));
              return o;
            }, false);
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(pods.get("default", "counter").annotations().get("n"))
        .as("40 increments from 4 threads, none lost").isEqualTo("40");
  }

  @Test
  @Graded(exercise = "2.1", points = 2,
      hint = "dryRun computes the answer (including errors such as AlreadyExists) but never writes to the store.")
  void dryRunComputesButNeverWrites() {
    long start = fx.revision();
    Unstructured dry = pods.create(pod("default", "web"), true);
    assertThat(dry.uid()).as("a dry-run create still stamps a uid").isNotEmpty();
    assertThat(fx.revision()).as("store revision after a dry-run create").isEqualTo(start);
    assertThat(fx.raw("/registry/pods/default/web")).isNull();

    Unstructured real = pods.create(pod("default", "web"), false);
    long afterCreate = fx.revision();
    Unstructured dryUpdate = pods.update("default", "web", o -> {
      o.setLabels(Map.of("a", "b"));
      return o;
    }, true);
    assertThat(dryUpdate.labels()).containsEntry("a", "b");
    DeleteResult dryDelete = pods.delete("default", "web",
        new DeleteOptions(null, "", "", "", true));
    assertThat(dryDelete.deleted()).isTrue();
    assertThat(fx.revision()).as("store revision after a dry-run update and delete").isEqualTo(afterCreate);
    assertThat(pods.get("default", "web").resourceVersion()).isEqualTo(real.resourceVersion());
  }

  @Test
  @Graded(exercise = "2.1", points = 2,
      hint = "The continue token's start key is relative to the listed prefix: for a list of all namespaces it includes the namespace (\"default/b\\u0000\").")
  void continueTokensAcrossNamespacesAreRelativeToTheListedPrefix() {
    pods.create(pod("default", "a"), false);
    pods.create(pod("default", "b"), false);
    pods.create(pod("kube-system", "c"), false);
    ObjectList first = pods.list("", new ListOptions(SelectionPredicate.everything(), 2, "", ""));
    String json = new String(Base64.getUrlDecoder().decode(first.continueToken()), StandardCharsets.UTF_8);
    assertThat(json).as("token of the first page of every namespace's pods")
        .isEqualTo("{\"v\":\"meta.k8s.io/v1\",\"rv\":" + first.resourceVersion()
            + ",\"start\":\"default/b\\u0000\"}");
    ObjectList second = pods.list("", new ListOptions(SelectionPredicate.everything(), 2,
        first.continueToken(), ""));
    assertThat(second.items()).extracting(Unstructured::name).containsExactly("c");

    ContinueToken decoded = ContinueToken.decode(first.continueToken(), "/registry/pods/");
    assertThat(decoded.startKey()).isEqualTo("/registry/pods/default/b\u0000");
    assertThat(decoded.resourceVersion()).isEqualTo(Long.parseLong(first.resourceVersion()));
  }
}
