package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.RegistryFixture.labeledPod;
import static io.minik8s.apiserver.storage.RegistryFixture.object;
import static io.minik8s.apiserver.storage.RegistryFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.store.api.KeyValue;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's rules, on an in-memory store and a manual clock. The clock starts at
 * {@code 2024-01-01T00:00:00Z}.
 */
class StoreRegistryTest {

  private final RegistryFixture fx = new RegistryFixture();
  private final ObjectRegistry pods = fx.pods();

  @AfterEach
  void close() {
    fx.close();
  }

  private static ApiException apiError(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected an ApiException, the call succeeded");
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void createStampsSystemFieldsAndStoresWithoutResourceVersion() {
    Unstructured in = pod("default", "web");
    in.setDeletionTimestamp("2020-01-01T00:00:00Z");
    in.setResourceVersion("99");
    in.setUid("client-chosen");

    Unstructured created = pods.create(in, false);

    assertThat(created.uid()).as("uid: a UUID from the seeded random, not the client's")
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    assertThat(created.creationTimestamp()).as("creationTimestamp: the clock, RFC 3339 seconds UTC")
        .isEqualTo(fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    assertThat(created.generation()).as("generation of a new object").isEqualTo(1);
    assertThat(created.deletionTimestamp()).as("a client may not create a deleted object").isEmpty();
    assertThat(created.resourceVersion()).as("resourceVersion = the put's revision")
        .isEqualTo(Long.toString(fx.revision()));
    assertThat(in.uid()).as("create must not change its argument").isEqualTo("client-chosen");

    KeyValue kv = fx.raw("/registry/pods/default/web");
    assertThat(kv).as("the pod is stored at /registry/pods/default/web").isNotNull();
    String stored = kv.value().utf8();
    assertThat(stored).as("the stored JSON has no resourceVersion (it is the key's mod_revision)")
        .doesNotContain("resourceVersion").contains("\"uid\":\"" + created.uid() + "\"");
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void createRefusesATakenNameAndNamesFromGenerateName() {
    pods.create(pod("default", "web"), false);
    ApiException taken = apiError(() -> pods.create(pod("default", "web"), false));
    assertThat(taken.code()).as("code of a second create of default/web").isEqualTo(409);
    assertThat(taken.reason()).isEqualTo("AlreadyExists");
    assertThat(taken.getMessage()).isEqualTo("pods \"web\" already exists");
    assertThat(pods.create(pod("other", "web"), false).namespace())
        .as("the same name in another namespace is another object").isEqualTo("other");

    Unstructured generated = pod("default", "");
    generated.metadata().put("generateName", "web-");
    Unstructured created = pods.create(generated, false);
    assertThat(created.name()).as("name from generateName 'web-'")
        .matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    assertThat(pods.get("default", created.name()).uid()).isEqualTo(created.uid());

    ApiException nameless = apiError(() -> pods.create(pod("default", ""), false));
    assertThat(nameless.code()).as("neither name nor generateName").isEqualTo(422);
    assertThat(nameless.status().details().causes().get(0).field()).isEqualTo("metadata.name");
    assertThat(nameless.getMessage()).contains("name or generateName is required");
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void clusterScopedObjectsLiveWithoutANamespace() {
    Unstructured ns = object("{'apiVersion':'v1','kind':'Namespace','metadata':{'name':'team-a'}}");
    fx.registry("namespaces").create(ns, false);
    assertThat(fx.raw("/registry/namespaces/team-a")).as("key of namespace team-a").isNotNull();
    assertThat(fx.registry("namespaces").get("", "team-a").name()).isEqualTo("team-a");
    ApiException missing = apiError(() -> fx.registry("namespaces").get("", "team-b"));
    assertThat(missing.code()).isEqualTo(404);
    assertThat(missing.getMessage()).isEqualTo("namespaces \"team-b\" not found");
  }

  @Test
  @Graded(exercise = "2.1", points = 3)
  void listPagesCarryUpstreamContinueTokensAndKeepTheirRevision() {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      pods.create(pod("default", name), false);
    }
    pods.create(pod("kube-system", "dns"), false);
    long listedAt = fx.revision();

    ObjectList first = pods.list("default",
        new ListOptions(SelectionPredicate.everything(), 2, "", ""));
    assertThat(names(first)).as("first page of 5 pods, limit 2").containsExactly("a", "b");
    assertThat(first.resourceVersion()).isEqualTo(Long.toString(listedAt));
    assertThat(first.remainingItemCount()).as("remainingItemCount after page 1").isEqualTo(3);
    String json = new String(Base64.getUrlDecoder().decode(first.continueToken()),
        StandardCharsets.UTF_8);
    assertThat(json).as("the token, base64url-decoded (upstream's format)")
        .isEqualTo("{\"v\":\"meta.k8s.io/v1\",\"rv\":" + listedAt + ",\"start\":\"b\\u0000\"}");
    assertThat(first.continueToken()).as("no padding").doesNotEndWith("=");

    pods.create(pod("default", "bb"), false); // after the first page: later pages must not see it
    pods.delete("default", "c", DeleteOptions.defaults());

    ObjectList second = pods.list("default",
        new ListOptions(SelectionPredicate.everything(), 2, first.continueToken(), ""));
    assertThat(names(second)).as("page 2 is read at the first page's revision").containsExactly("c", "d");
    assertThat(second.resourceVersion()).isEqualTo(Long.toString(listedAt));
    ObjectList third = pods.list("default",
        new ListOptions(SelectionPredicate.everything(), 2, second.continueToken(), ""));
    assertThat(names(third)).containsExactly("e");
    assertThat(third.continueToken()).as("the last page has no token").isEmpty();
    assertThat(third.remainingItemCount()).isNull();

    ObjectList all = pods.list("", ListOptions.all());
    assertThat(names(all)).as("all namespaces, key order, at the latest revision")
        .containsExactly("a", "b", "bb", "d", "e", "dns");
    assertThat(all.items().get(0).resourceVersion()).as("an item's resourceVersion is its mod_revision")
        .isEqualTo(pods.get("default", "a").resourceVersion());
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void aFilteredPageIsFilledWithMatchingObjects() {
    for (int i = 0; i < 10; i++) {
      pods.create(labeledPod("default", "p" + i, i % 3 == 0 ? "web" : "db"), false);
    }
    SelectionPredicate web = o -> "web".equals(o.labels().get("app"));
    ObjectList page = pods.list("default", new ListOptions(web, 2, "", ""));
    assertThat(names(page)).as("2 web pods of p0..p9 (web: p0 p3 p6 p9)").containsExactly("p0", "p3");
    assertThat(page.remainingItemCount()).as("not counted with a predicate").isNull();
    ObjectList rest = pods.list("default", new ListOptions(web, 2, page.continueToken(), ""));
    assertThat(names(rest)).containsExactly("p6", "p9");
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void badAndCompactedContinueTokensAreRefusedAsUpstreamDoes() {
    for (String name : List.of("a", "b", "c")) {
      pods.create(pod("default", name), false);
    }
    ObjectList first = pods.list("default", new ListOptions(SelectionPredicate.everything(), 1, "", ""));
    for (String bad : List.of("%%%", "bm90IGpzb24", token("{\"v\":\"meta.k8s.io/v1\",\"rv\":0,\"start\":\"a\"}"),
        token("{\"v\":\"meta.k8s.io/v1\",\"rv\":5,\"start\":\"../../secrets/x\"}"),
        token("{\"v\":\"v2\",\"rv\":5,\"start\":\"a\"}"))) {
      ApiException e = apiError(() -> pods.list("default",
          new ListOptions(SelectionPredicate.everything(), 1, bad, "")));
      assertThat(e.code()).as("code for the token %s", bad).isEqualTo(400);
      assertThat(e.getMessage()).as("message for the token %s", bad).startsWith("invalid continue token: ");
    }

    pods.update("default", "a", o -> { o.setLabels(Map.of("x", "y")); return o; }, false);
    fx.store.compact(fx.revision());
    ApiException expired = apiError(() -> pods.list("default",
        new ListOptions(SelectionPredicate.everything(), 1, first.continueToken(), "")));
    assertThat(expired.code()).as("a token whose revision was compacted").isEqualTo(410);
    assertThat(expired.reason()).isEqualTo("Expired");
    assertThat(expired.getMessage()).startsWith("The provided continue parameter is too old to display"
        + " a consistent list result. You can start a new list without the continue parameter, or use"
        + " the continue token in this response");
  }

  @Test
  @Graded(exercise = "2.1", points = 3)
  void updateIsOptimisticAndKeepsWhatClientsMayNotChange() {
    Unstructured created = pods.create(pod("default", "web"), false);

    Unstructured relabeled = pods.update("default", "web", o -> {
      o.setLabels(Map.of("tier", "front"));
      o.setUid("forged");
      o.setCreationTimestamp("1999-01-01T00:00:00Z");
      return o;
    }, false);
    assertThat(relabeled.labels()).containsEntry("tier", "front");
    assertThat(relabeled.uid()).as("uid is kept from the stored object").isEqualTo(created.uid());
    assertThat(relabeled.creationTimestamp()).isEqualTo(created.creationTimestamp());
    assertThat(relabeled.generation()).as("a metadata-only change keeps generation").isEqualTo(1);
    assertThat(Long.parseLong(relabeled.resourceVersion())).as("a new resourceVersion")
        .isGreaterThan(Long.parseLong(created.resourceVersion()));

    Unstructured respec = pods.update("default", "web", o -> {
      o.json().with("spec").put("nodeName", "node-1");
      return o;
    }, false);
    assertThat(respec.generation()).as("a spec change bumps generation").isEqualTo(2);
    Unstructured restatus = pods.update("default", "web", o -> {
      o.json().putObject("status").put("phase", "Running");
      return o;
    }, false);
    assertThat(restatus.generation()).as("a status change keeps generation").isEqualTo(2);

    Unstructured same = pods.update("default", "web", o -> o, false);
    assertThat(same.resourceVersion()).as("an update that changes nothing does not write")
        .isEqualTo(restatus.resourceVersion());

    ApiException stale = apiError(() -> pods.update("default", "web", o -> {
      o.setResourceVersion(created.resourceVersion());
      o.setLabels(Map.of());
      return o;
    }, false));
    assertThat(stale.code()).as("an update carrying a stale resourceVersion").isEqualTo(409);
    assertThat(stale.reason()).isEqualTo("Conflict");
    assertThat(stale.getMessage()).isEqualTo("Operation cannot be fulfilled on pods \"web\": "
        + io.minik8s.apiserver.errors.StatusErrors.OBJECT_MODIFIED);
    assertThat(apiError(() -> pods.update("default", "nope", o -> o, false)).code()).isEqualTo(404);
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void finalizersHoldADeleteUntilTheLastOneIsRemoved() {
    Unstructured cm = object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'cfg',"
        + "'namespace':'default','finalizers':['example.com/cleanup']}}");
    ObjectRegistry configMaps = fx.registry("configmaps");
    configMaps.create(cm, false);
    fx.clock.advance(Duration.ofSeconds(7));

    DeleteResult started = configMaps.delete("default", "cfg", DeleteOptions.defaults());
    assertThat(started.deleted()).as("an object with a finalizer is not deleted yet").isFalse();
    assertThat(started.object().deletionTimestamp()).isEqualTo("2024-01-01T00:00:07Z");
    assertThat(started.object().metadata().path("deletionGracePeriodSeconds").asLong(-1)).isEqualTo(0);
    assertThat(configMaps.get("default", "cfg").deletionTimestamp()).isEqualTo("2024-01-01T00:00:07Z");

    Unstructured last = configMaps.update("default", "cfg", o -> {
      o.setFinalizers(List.of());
      return o;
    }, false);
    assertThat(last.name()).isEqualTo("cfg");
    assertThat(fx.raw("/registry/configmaps/default/cfg"))
        .as("removing the last finalizer of a deleted object deletes it").isNull();
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void deleteChecksPreconditionsAndRemovesPlainObjects() {
    Unstructured created = pods.create(pod("default", "web"), false);
    ApiException wrongUid = apiError(() -> pods.delete("default", "web",
        new DeleteOptions(null, "other-uid", "", "", false)));
    assertThat(wrongUid.code()).as("delete with a uid precondition that does not hold").isEqualTo(409);
    assertThat(wrongUid.getMessage()).contains("the UID in the precondition (other-uid) does not match"
        + " the UID in record (" + created.uid() + ")");
    ApiException wrongRv = apiError(() -> pods.delete("default", "web",
        new DeleteOptions(null, "", "1", "", false)));
    assertThat(wrongRv.code()).as("delete with a resourceVersion precondition that does not hold").isEqualTo(409);

    DeleteResult result = pods.delete("default", "web",
        new DeleteOptions(null, created.uid(), created.resourceVersion(), "", false));
    assertThat(result.deleted()).as("an unscheduled pod is deleted at once").isTrue();
    assertThat(result.object().resourceVersion()).as("the deleted object carries the delete's revision")
        .isEqualTo(Long.toString(fx.revision()));
    assertThat(fx.raw("/registry/pods/default/web")).isNull();
    assertThat(apiError(() -> pods.delete("default", "web", DeleteOptions.defaults())).code()).isEqualTo(404);
  }

  @Test
  @Graded(exercise = "2.1", points = 2)
  void aScheduledPodIsDeletedGracefullyAndTheGraceOnlyShrinks() {
    Unstructured bound = pod("default", "web");
    bound.json().with("spec").put("nodeName", "node-1");
    pods.create(bound, false);

    DeleteResult first = pods.delete("default", "web", DeleteOptions.defaults());
    assertThat(first.deleted()).as("a pod on a node waits for its grace period").isFalse();
    assertThat(first.object().deletionTimestamp()).as("now + the default 30s").isEqualTo("2024-01-01T00:00:30Z");
    assertThat(first.object().metadata().path("deletionGracePeriodSeconds").asLong()).isEqualTo(30);

    DeleteResult longer = pods.delete("default", "web", new DeleteOptions(60L, "", "", "", false));
    assertThat(longer.object().deletionTimestamp()).as("a longer grace period is ignored")
        .isEqualTo("2024-01-01T00:00:30Z");
    DeleteResult shorter = pods.delete("default", "web", new DeleteOptions(10L, "", "", "", false));
    assertThat(shorter.object().deletionTimestamp()).as("a shorter one moves the deadline earlier")
        .isEqualTo("2024-01-01T00:00:10Z");
    assertThat(shorter.deleted()).isFalse();

    DeleteResult now = pods.delete("default", "web", new DeleteOptions(0L, "", "", "", false));
    assertThat(now.deleted()).as("grace period 0 deletes").isTrue();
    assertThat(fx.raw("/registry/pods/default/web")).isNull();
  }

  private static List<String> names(ObjectList list) {
    List<String> names = new ArrayList<>();
    list.items().forEach(o -> names.add(o.name()));
    return names;
  }

  private static String token(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
