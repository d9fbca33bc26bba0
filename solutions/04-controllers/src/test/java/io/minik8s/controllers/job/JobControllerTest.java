package io.minik8s.controllers.job;

import static io.minik8s.controllers.job.JobFixture.NS;
import static io.minik8s.controllers.job.JobFixture.condition;
import static io.minik8s.controllers.job.JobFixture.job;
import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.controllers.testing.TestPods;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.batch.JobStatus;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Exercise 4.3: the Job controller. Informers are never started: each test fills the caches,
 * calls {@code sync} once or twice, and reads what the controller asked for.
 */
class JobControllerTest {

  private final JobFixture fx = new JobFixture();

  @AfterEach
  void stopQueue() {
    fx.controller.shutdown();
  }

  // --- counting pods ---------------------------------------------------------------------

  @Test
  @Graded(exercise = "4.3", points = 2)
  void countsPodsByPhaseAndLeavesPodsBeingDeletedOutOfActive() {
    Job job = fx.add(job(2, 4, null, null));
    Pod deleting = JobFixture.pod(job, "going", PodStatus.RUNNING, true);
    deleting = deleting.withMetadata(deleting.metadata()
        .withDeletionTimestamp("2026-01-01T00:00:00Z"));
    List<Pod> pods = List.of(
        JobFixture.pod(job, "pending", PodStatus.PENDING, false),
        JobFixture.pod(job, "running-ready", PodStatus.RUNNING, true),
        JobFixture.pod(job, "running-not-ready", PodStatus.RUNNING, false),
        deleting,
        JobFixture.pod(job, "done-1", PodStatus.SUCCEEDED, false),
        JobFixture.pod(job, "done-2", PodStatus.SUCCEEDED, false),
        JobFixture.pod(job, "crashed", PodStatus.FAILED, false));

    JobPods counted = JobPods.count(pods);

    assertThat(counted.active()).as("active: pending + 2 running (not the one being deleted)")
        .isEqualTo(3);
    assertThat(counted.succeeded()).as("succeeded").isEqualTo(2);
    assertThat(counted.failed()).as("failed").isEqualTo(1);
    assertThat(counted.ready()).as("ready: active pods with Ready=True").isEqualTo(1);
    assertThat(counted.activePods()).extracting(p -> p.metadata().name())
        .as("the active pods themselves")
        .containsExactlyInAnyOrder("pending", "running-ready", "running-not-ready");
  }

  // --- how many pods should run -------------------------------------------------------------

  static Stream<Arguments> wantedActive() {
    return Stream.of(
        // name, parallelism, completions, succeeded, active, want
        Arguments.of("defaults: one pod at a time, one completion", null, null, 0, 0, 1),
        Arguments.of("parallelism caps the pods", 2, 5, 0, 0, 2),
        Arguments.of("remaining completions cap the pods", 3, 5, 4, 0, 1),
        Arguments.of("all completions done: none", 3, 5, 5, 0, 0),
        Arguments.of("more succeeded than completions: none, not negative", 3, 2, 4, 0, 0),
        Arguments.of("parallelism 0 runs nothing", 0, 5, 0, 0, 0),
        Arguments.of("work queue, nothing succeeded: parallelism", 3, null, 0, 0, 3),
        Arguments.of("work queue, one succeeded: keep what runs, no more", 3, null, 1, 2, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wantedActive")
  @Graded(exercise = "4.3", points = 2)
  void wantActiveIsTheSmallerOfParallelismAndRemainingCompletions(String name,
      Integer parallelism, Integer completions, int succeeded, int active, int want) {
    JobPods pods = new JobPods(active, succeeded, 0, 0, List.of());
    assertThat(JobRules.wantActive(job(parallelism, completions, null, null).spec(), pods))
        .as("wantActive with parallelism=%s completions=%s succeeded=%d active=%d",
            parallelism, completions, succeeded, active)
        .isEqualTo(want);
  }

  static Stream<Arguments> syncTable() {
    return Stream.of(
        // name, parallelism, completions, succeeded pods, running pods, creates, deletes
        Arguments.of("fresh job: parallelism pods", 3, 10, 0, 0, 3, 0),
        Arguments.of("tops up to parallelism", 3, 10, 2, 1, 2, 0),
        Arguments.of("last completions: only what is missing", 3, 10, 8, 0, 2, 0),
        Arguments.of("parallelism lowered: surplus deleted", 2, 10, 0, 5, 0, 3),
        Arguments.of("at parallelism: nothing to do", 2, 10, 1, 2, 0, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("syncTable")
  @Graded(exercise = "4.3", points = 2)
  void syncCreatesOrDeletesPodsTowardsWantActive(String name, int parallelism, int completions,
      int succeeded, int running, int creates, int deletes) throws Exception {
    Job job = fx.add(job(parallelism, completions, null, null));
    fx.pods(job, succeeded, PodStatus.SUCCEEDED, false);
    fx.pods(job, running, PodStatus.RUNNING, true);

    fx.sync();

    assertThat(fx.podControl.created()).as("pods created (parallelism %d, completions %d,"
        + " %d succeeded, %d running)", parallelism, completions, succeeded, running)
        .hasSize(creates);
    assertThat(fx.podControl.deleted()).as("pods deleted").hasSize(deletes);
    assertThat(fx.lastStatus().active()).as("status.active counts the pods once created/deleted")
        .isEqualTo(running + creates - deletes);
  }

  /**
   * {@code kubectl create job pi --image=...} sends a template without labels and no selector.
   * Its pods get upstream's generated labels, so the Job keeps them; an empty selector would
   * adopt every pod of the namespace, and one that matched nothing would release each new pod
   * and create another, forever.
   */
  @Test
  @Graded(exercise = "4.3", points = 2)
  void aJobWithoutLabelsOrSelectorOwnsItsPodsByGeneratedLabels() throws Exception {
    PodTemplateSpec unlabelled = new PodTemplateSpec(ObjectMeta.named(null, null),
        PodSpec.of(List.of(Container.of("pi", "minik8s/busybox"))).withRestartPolicy(PodSpec.RESTART_NEVER));
    Job job = fx.add(new Job(ObjectMeta.named(NS, "pi"),
        new JobSpec(1, 1, null, null, null, null, unlabelled, null, null, Map.of()), null));
    fx.pods.indexer().add(TestPods.pod(NS, "stray", Map.of()));

    fx.sync();
    assertThat(fx.podControl.created()).as("pods created for a Job with 1 completion").hasSize(1);
    Pod created = fx.podControl.created().get(0);
    assertThat(created.metadata().labels()).as("labels of the Job's pod (create it from podTemplate(job))")
        .containsEntry("batch.kubernetes.io/controller-uid", job.metadata().uid())
        .containsEntry("batch.kubernetes.io/job-name", "pi");

    fx.pods.indexer().add(created.withStatus(PodStatus.ofPhase(PodStatus.PENDING)));
    fx.controller.expectations().creationObserved(NS + "/pi");
    fx.sync();
    assertThat(fx.podControl.created()).as("its pod is in the cache: no second one").hasSize(1);
    assertThat(fx.client.actions("patch", "pods"))
        .as("neither its own pod released nor the unlabelled stray adopted").isEmpty();
    assertThat(fx.lastStatus().active()).isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.3", points = 2)
  void expectationsPreventCreatingTwiceWhileTheCacheLags() throws Exception {
    Job job = fx.add(job(2, 4, null, null));

    fx.sync();
    assertThat(fx.podControl.created()).as("first sync: 2 pods").hasSize(2);

    fx.sync(); // the pod informer has not delivered the new pods yet
    assertThat(fx.podControl.created())
        .as("second sync before the cache shows the pods: no new creations").hasSize(2);

    // The informer delivers both pods.
    for (Pod created : fx.podControl.created()) {
      fx.pods.indexer().add(created.withStatus(PodStatus.ofPhase(PodStatus.PENDING)));
      fx.controller.expectations().creationObserved("default/pi");
    }
    fx.sync();
    assertThat(fx.podControl.created()).as("cache caught up, 2 active of 2 wanted: none more")
        .hasSize(2);
    assertThat(job.metadata().uid()).isNotNull();
  }

  // --- failing ---------------------------------------------------------------------------

  @Test
  @Graded(exercise = "4.3", points = 1)
  void failedPodsUpToTheBackoffLimitAreRetried() throws Exception {
    Job job = fx.add(job(1, 1, 2, null));
    fx.pods(job, 2, PodStatus.FAILED, false);

    fx.sync();

    JobStatus status = fx.lastStatus();
    assertThat(condition(status, JobController.CONDITION_FAILED))
        .as("2 failed pods with backoffLimit 2: not failed yet (failed must EXCEED the limit)")
        .isEmpty();
    assertThat(fx.podControl.created()).as("a replacement pod is created").hasSize(1);
    assertThat(status.failed()).as("status.failed").isEqualTo(2);
  }

  @Test
  @Graded(exercise = "4.3", points = 2)
  void oneFailureMoreThanTheBackoffLimitFailsTheJobAndStopsItsPods() throws Exception {
    Job job = fx.add(job(2, 5, 2, null));
    fx.pods(job, 3, PodStatus.FAILED, false);
    fx.pods(job, 1, PodStatus.RUNNING, true);

    fx.sync();

    JobStatus status = fx.lastStatus();
    Condition failed = condition(status, JobController.CONDITION_FAILED).orElseThrow(
        () -> new AssertionError("3 failed pods with backoffLimit 2: expected a Failed"
            + " condition, got " + status.conditions()));
    assertThat(failed.status()).as("Failed condition status").isEqualTo(Condition.TRUE);
    assertThat(failed.reason()).as("Failed condition reason").isEqualTo("BackoffLimitExceeded");
    assertThat(fx.podControl.deleted()).as("the running pod is deleted").hasSize(1);
    assertThat(fx.podControl.created()).as("no pods created for a failed Job").isEmpty();
    assertThat(status.active()).as("status.active of a failed Job").isZero();
  }

  @Test
  @Graded(exercise = "4.3", points = 1)
  void theBackoffLimitDefaultsToSix() throws Exception {
    Job job = fx.add(job(1, 1, null, null));
    fx.pods(job, 6, PodStatus.FAILED, false);
    fx.sync();
    assertThat(condition(fx.lastStatus(), JobController.CONDITION_FAILED))
        .as("6 failures, default limit 6: not failed").isEmpty();

    fx.pods(job, 1, PodStatus.FAILED, false);
    fx.sync();
    assertThat(condition(fx.lastStatus(), JobController.CONDITION_FAILED))
        .as("7 failures, default limit 6: failed").isPresent();
  }

  @Test
  @Graded(exercise = "4.3", points = 2)
  void theActiveDeadlineIsMeasuredFromStartTimeOnTheClock() throws Exception {
    Job job = fx.add(job(1, 1, null, 60L));
    fx.sync();
    String started = fx.now();
    assertThat(fx.lastStatus().startTime()).as("startTime set on the first sync")
        .isEqualTo(started);
    for (Pod created : fx.podControl.created()) {
      fx.pods.indexer().add(created.withStatus(PodStatus.ofPhase(PodStatus.RUNNING)));
      fx.controller.expectations().creationObserved("default/pi");
    }

    fx.clock.advanceSeconds(59);
    fx.sync();
    assertThat(fx.podControl.deleted()).as("59 s of a 60 s deadline: nothing deleted").isEmpty();

    fx.clock.advanceSeconds(1);
    fx.sync();
    JobStatus status = fx.lastStatus();
    assertThat(condition(status, JobController.CONDITION_FAILED).map(Condition::reason))
        .as("exactly 60 s after startTime: Failed with reason DeadlineExceeded")
        .contains("DeadlineExceeded");
    assertThat(fx.podControl.deleted()).as("the running pod is deleted").hasSize(1);
    assertThat(status.startTime()).as("startTime kept").isEqualTo(started);
  }

  // --- completing ------------------------------------------------------------------------

  @Test
  @Graded(exercise = "4.3", points = 1)
  void enoughSuccessesCompleteTheJob() throws Exception {
    Job job = fx.add(job(2, 3, null, null));
    fx.pods(job, 3, PodStatus.SUCCEEDED, false);
    fx.pods(job, 1, PodStatus.FAILED, false);

    fx.sync();

    JobStatus status = fx.lastStatus();
    assertThat(condition(status, JobController.CONDITION_COMPLETE).map(Condition::status))
        .as("3 of 3 completions: Complete=True").contains(Condition.TRUE);
    assertThat(status.completionTime()).as("completionTime").isEqualTo(fx.now());
    assertThat(status.succeeded()).as("status.succeeded").isEqualTo(3);
    assertThat(fx.podControl.created()).as("no more pods").isEmpty();
  }

  @Test
  @Graded(exercise = "4.3", points = 1)
  void aWorkQueueJobCompletesWhenOneSucceededAndNoneRuns() throws Exception {
    Job job = fx.add(job(3, null, null, null));
    fx.pods(job, 1, PodStatus.SUCCEEDED, false);
    List<Pod> running = fx.pods(job, 2, PodStatus.RUNNING, true);

    fx.sync();
    assertThat(fx.podControl.created()).as("a success was seen: no new pods").isEmpty();
    assertThat(condition(fx.lastStatus(), JobController.CONDITION_COMPLETE))
        .as("2 pods still running: not complete yet").isEmpty();

    for (Pod pod : running) {
      fx.pods.indexer().update(pod.withStatus(PodStatus.ofPhase(PodStatus.SUCCEEDED)));
    }
    fx.sync();
    assertThat(condition(fx.lastStatus(), JobController.CONDITION_COMPLETE))
        .as("3 succeeded, none running: Complete").isPresent();
  }

  // --- status ------------------------------------------------------------------------------

  @Test
  @Graded(exercise = "4.3", points = 1)
  void statusIsWrittenOnlyWhenItChanges() throws Exception {
    Job job = fx.add(job(2, 4, null, null));
    fx.pods(job, 1, PodStatus.SUCCEEDED, false);
    fx.pods(job, 2, PodStatus.RUNNING, true);

    fx.sync();
    assertThat(fx.statusWrites()).as("first sync: startTime and counts are new").hasSize(1);
    JobStatus written = fx.lastStatus();
    assertThat(List.of(written.active(), written.succeeded(), written.failed(), written.ready()))
        .as("active, succeeded, failed, ready").containsExactly(2, 1, 0, 2);

    fx.clock.advanceSeconds(10);
    fx.sync();
    assertThat(fx.statusWrites()).as("same pods, same status: no second write").hasSize(1);
  }

  @Test
  void aFinishedJobIsLeftAlone() throws Exception {
    Job job = job(2, 4, null, null);
    job = fx.add(job.withStatus(new JobStatus(List.of(Condition.of(
        JobController.CONDITION_COMPLETE, Condition.TRUE, null, null, fx.now())),
        fx.now(), fx.now(), 0, 4, 0, 0, java.util.Map.of())));
    fx.pods(job, 1, PodStatus.RUNNING, true);
    fx.sync();
    assertThat(fx.podControl.created()).isEmpty();
    assertThat(fx.podControl.deleted()).isEmpty();
    assertThat(fx.statusWrites()).isEmpty();
  }
}
