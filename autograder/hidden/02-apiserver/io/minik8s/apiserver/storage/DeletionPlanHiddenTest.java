package io.minik8s.apiserver.storage;

import static io.minik8s.apiserver.storage.RegistryFixture.object;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GracefulDeletion.plan case by case, at a fixed instant. */
class DeletionPlanHiddenTest {

  static final Instant NOW = Instant.parse("2024-01-01T00:00:00Z");

  static ResourceType type(String plural) {
    return Scheme.builtIn().types().stream().filter(t -> t.plural().equals(plural)).findFirst()
        .orElseThrow();
  }

  static DeleteOptions grace(Long seconds) {
    return new DeleteOptions(seconds, "", "", "", false);
  }

  /** A pod; {@code extraSpec}/{@code extraMeta} are JSON members (single quotes ok), may be "". */
  static Unstructured pod(String extraMeta, String extraSpec, String phase) {
    return object("{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p','namespace':'ns'"
        + extraMeta + "},'spec':{'containers':[{'name':'c','image':'nginx'}]" + extraSpec
        + "},'status':{'phase':'" + phase + "'}}");
  }

  static Instant deadline(GracefulDeletion.Plan plan) {
    return Timestamps.parse(plan.object().deletionTimestamp());
  }

  static long graceOf(GracefulDeletion.Plan plan) {
    return plan.object().metadata().path("deletionGracePeriodSeconds").asLong(-99);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not scheduled                    | ''                                       | Running   |     | DELETE | 0",
      "scheduled, default grace         | ,'nodeName':'n1'                         | Running   |     | MARK   | 30",
      "own terminationGracePeriod 5     | ,'nodeName':'n1','terminationGracePeriodSeconds':5 | Running |    | MARK | 5",
      "request wins over the pod's own  | ,'nodeName':'n1','terminationGracePeriodSeconds':5 | Running | 12 | MARK | 12",
      "negative request means 1s        | ,'nodeName':'n1'                         | Running   | -5  | MARK   | 1",
      "succeeded pod                    | ,'nodeName':'n1'                         | Succeeded |     | DELETE | 0",
      "failed pod                       | ,'nodeName':'n1'                         | Failed    |     | DELETE | 0",
      "grace 0                          | ,'nodeName':'n1'                         | Running   | 0   | DELETE | 0"})
  @Graded(exercise = "2.1", points = 1, hint = "Only a pod bound to a node and not finished waits:"
      + " for the requested grace (negative counts as 1s), else its"
      + " terminationGracePeriodSeconds, else 30s; deletionTimestamp is now plus that grace.")
  void firstDeleteOfAPod(String name, String spec, String phase, Long requested, String action,
      long period) {
    GracefulDeletion.Plan plan = GracefulDeletion.plan(type("pods"), pod("", spec, phase),
        grace(requested), NOW);
    assertThat(plan.action()).as("action for a %s", name).isEqualTo(
        GracefulDeletion.Action.valueOf(action));
    if (action.equals("MARK")) {
      assertThat(graceOf(plan)).as("deletionGracePeriodSeconds for a %s", name).isEqualTo(period);
      assertThat(deadline(plan)).as("deletionTimestamp for a %s", name)
          .isEqualTo(NOW.plusSeconds(period));
    }
  }

  @Test
  @Graded(exercise = "2.1", points = 1, hint = "Marking an object for deletion bumps"
      + " metadata.generation when it has one (and only the first time); an object without"
      + " generation keeps none.")
  void markingBumpsGenerationOnce() {
    Unstructured withGen = pod(",'generation':3", ",'nodeName':'n1'", "Running");
    GracefulDeletion.Plan plan = GracefulDeletion.plan(type("pods"), withGen, grace(null), NOW);
    assertThat(plan.object().generation()).as("generation after a graceful mark").isEqualTo(4);

    Unstructured noGen = pod("", ",'nodeName':'n1'", "Running");
    plan = GracefulDeletion.plan(type("pods"), noGen, grace(null), NOW);
    assertThat(plan.object().metadata().has("generation")).as("generation of an object without one")
        .isFalse();

    Unstructured cm = object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c',"
        + "'namespace':'ns','generation':7,'finalizers':['x/y']}}");
    plan = GracefulDeletion.plan(type("configmaps"), cm, grace(null), NOW);
    assertThat(plan.action()).isEqualTo(GracefulDeletion.Action.MARK);
    assertThat(plan.object().generation()).as("generation after marking a finalized object")
        .isEqualTo(8);
    assertThat(deadline(plan)).isEqualTo(NOW);
    assertThat(graceOf(plan)).isEqualTo(0);

    Unstructured cmNoGen = object("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'c',"
        + "'namespace':'ns','finalizers':['x/y']}}");
    plan = GracefulDeletion.plan(type("configmaps"), cmNoGen, grace(null), NOW);
    assertThat(plan.object().metadata().has("generation"))
        .as("generation of a finalized object without one").isFalse();
    plan = GracefulDeletion.plan(type("configmaps"), cm, grace(null), NOW);

    GracefulDeletion.Plan again = GracefulDeletion.plan(type("configmaps"),
        plan.object().deepCopy(), grace(null), NOW.plusSeconds(60));
    assertThat(again.action()).isEqualTo(GracefulDeletion.Action.MARK);
    assertThat(again.object().generation()).as("generation after a second delete").isEqualTo(8);
    assertThat(deadline(again)).as("deletionTimestamp is not moved later").isEqualTo(NOW);
  }

  /** A pod whose graceful deletion started at NOW with 30 seconds. */
  static Unstructured deleting(String extraMeta) {
    return pod(",'deletionTimestamp':'2024-01-01T00:00:30Z','deletionGracePeriodSeconds':30"
        + extraMeta, ",'nodeName':'n1'", "Running");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "no grace named keeps it          |     | 5  | UNCHANGED | 2024-01-01T00:00:30Z | 30",
      "equal grace keeps it             | 30  | 5  | UNCHANGED | 2024-01-01T00:00:30Z | 30",
      "longer grace keeps it            | 60  | 5  | UNCHANGED | 2024-01-01T00:00:30Z | 30",
      "shorter grace moves it earlier   | 10  | 5  | MARK      | 2024-01-01T00:00:10Z | 10",
      "already passed: now, 1s          | 10  | 15 | MARK      | 2024-01-01T00:00:15Z | 1",
      "grace 0 deletes                  | 0   | 5  | DELETE    | ''                   | 0"})
  @Graded(exercise = "2.1", points = 1, hint = "A graceful deletion under way may only be"
      + " shortened: the new deadline is start + new grace, never in the past (then now, grace"
      + " 1s); grace 0 deletes.")
  void repeatedDeleteOnlyShortensTheGrace(String name, Long requested, long secondsLater,
      String action, String timestamp, long period) {
    GracefulDeletion.Plan plan = GracefulDeletion.plan(type("pods"), deleting(""),
        grace(requested), NOW.plusSeconds(secondsLater));
    assertThat(plan.action()).as(name).isEqualTo(GracefulDeletion.Action.valueOf(action));
    if (!action.equals("DELETE")) {
      assertThat(plan.object().deletionTimestamp()).as("deletionTimestamp: %s", name)
          .isEqualTo(timestamp);
      assertThat(graceOf(plan)).as("deletionGracePeriodSeconds: %s", name).isEqualTo(period);
    }
  }

  @Test
  @Graded(exercise = "2.1", points = 1, hint = "Grace 0 on a pod that still has finalizers does"
      + " not delete it: it stays, with deletionTimestamp now and grace 0.")
  void graceZeroWithFinalizersMarksNow() {
    GracefulDeletion.Plan plan = GracefulDeletion.plan(type("pods"),
        deleting(",'finalizers':['x/y']"), grace(0L), NOW.plusSeconds(5));
    assertThat(plan.action()).isEqualTo(GracefulDeletion.Action.MARK);
    assertThat(deadline(plan)).as("deletionTimestamp").isEqualTo(NOW.plusSeconds(5));
    assertThat(graceOf(plan)).as("deletionGracePeriodSeconds").isEqualTo(0);
  }
}
