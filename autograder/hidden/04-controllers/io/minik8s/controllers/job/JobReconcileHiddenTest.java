package io.minik8s.controllers.job;

import static io.minik8s.controllers.job.JobFixture.condition;
import static io.minik8s.controllers.job.JobFixture.job;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hidden tests of exercise 4.3: the edges of the Job controller. */
class JobReconcileHiddenTest {

  private final JobFixture fx = new JobFixture();

  @AfterEach
  void stopQueue() {
    fx.controller.shutdown();
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "Leave out of 'active' a pod that is finished or that has a deletionTimestamp: it"
          + " will not run any more, so a replacement is needed.")
  void aPodBeingDeletedIsReplaced() throws Exception {
    Job job = fx.add(job(1, 1, null, null));
    Pod going = JobFixture.pod(job, "going", PodStatus.RUNNING, true);
    fx.pods.indexer().add(going.withMetadata(
        going.metadata().withDeletionTimestamp("2026-01-01T00:00:00Z")));
    fx.sync();
    assertThat(fx.podControl.created()).as("pods created to replace the one being deleted")
        .hasSize(1);
    assertThat(fx.lastStatus().active()).as("status.active").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.3", points = 2,
      hint = "When more pods are active than wanted, delete the surplus, the ones losing the"
          + " least work first: not yet scheduled, then not running, then not ready.")
  void surplusPodsAreDeletedCheapestFirst() throws Exception {
    Job job = fx.add(job(1, 10, null, null));
    Pod ready = JobFixture.pod(job, "ready", PodStatus.RUNNING, true);
    Pod notReady = JobFixture.pod(job, "not-ready", PodStatus.RUNNING, false);
    Pod pending = JobFixture.pod(job, "pending", PodStatus.PENDING, false);
    Pod unscheduled = JobFixture.pod(job, "unscheduled", PodStatus.PENDING, false);
    unscheduled = unscheduled.withSpec(unscheduled.spec().withNodeName(null));
    for (Pod p : List.of(ready, notReady, pending, unscheduled)) {
      fx.pods.indexer().add(p);
    }
    fx.sync();
    assertThat(fx.podControl.deletedKeys())
        .as("parallelism 1, 4 active: 3 deleted, the ready one kept")
        .containsExactlyInAnyOrder("default/unscheduled", "default/pending", "default/not-ready");
    assertThat(fx.lastStatus().active()).as("status.active after the deletions").isEqualTo(1);
  }

  @Test
  @Graded(exercise = "4.3", points = 2,
      hint = "With completions reached and pods still active, wantActive is 0: delete them,"
          + " and the Job is complete in the same sync.")
  void extraPodsAfterTheLastCompletionAreDeletedAndTheJobCompletes() throws Exception {
    Job job = fx.add(job(3, 2, null, null));
    fx.pods(job, 2, PodStatus.SUCCEEDED, false);
    fx.pods(job, 1, PodStatus.RUNNING, true);
    fx.sync();
    assertThat(fx.podControl.deleted()).as("the pod running after 2 of 2 completions").hasSize(1);
    JobStatus status = fx.lastStatus();
    assertThat(condition(status, JobController.CONDITION_COMPLETE))
        .as("Complete once nothing is left running").isPresent();
    assertThat(status.active()).as("status.active").isZero();
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "A failed Job stops its active pods; upstream (before pod finalizers) counts those"
          + " as failed too, and active becomes 0.")
  void stoppedPodsOfAFailedJobCountAsFailed() throws Exception {
    Job job = fx.add(job(2, 5, 0, null));
    fx.pods(job, 1, PodStatus.FAILED, false);
    fx.pods(job, 2, PodStatus.RUNNING, true);
    fx.sync();
    JobStatus status = fx.lastStatus();
    assertThat(List.of(status.failed(), status.active(), status.ready()))
        .as("failed, active, ready after failing with backoffLimit 0")
        .containsExactly(3, 0, 0);
    assertThat(fx.podControl.deleted()).as("both running pods deleted").hasSize(2);
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "The backoff limit is checked before the active deadline; the reason names the"
          + " first rule that failed the Job.")
  void backoffLimitWinsOverTheDeadline() throws Exception {
    Job job = fx.add(job(1, 1, 0, 10L));
    fx.sync();
    fx.clock.advanceSeconds(10);
    fx.pods(job, 1, PodStatus.FAILED, false);
    fx.sync();
    assertThat(condition(fx.lastStatus(), JobController.CONDITION_FAILED).map(Condition::reason))
        .as("both the limit and the deadline are passed: reason")
        .contains("BackoffLimitExceeded");
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "Failed is decided by failed > backoffLimit and now >= startTime +"
          + " activeDeadlineSeconds; a Job with neither passed is not failed.")
  void failureRulesAsPureFunctions() {
    java.time.Instant start = java.time.Instant.parse("2026-01-01T00:00:00Z");
    var spec = job(1, 1, 3, 100L).spec();
    assertThat(JobRules.failure(spec, new JobPods(1, 0, 3, 0, List.of()), start,
        start.plusSeconds(99))).as("3 failed of limit 3, 99 s of 100").isEmpty();
    assertThat(JobRules.failure(spec, new JobPods(1, 0, 4, 0, List.of()), start,
        start.plusSeconds(1)).map(JobRules.Failure::reason)).as("4 failed of limit 3")
        .contains("BackoffLimitExceeded");
    assertThat(JobRules.failure(spec, new JobPods(1, 0, 0, 0, List.of()), start,
        start.plusSeconds(101)).map(JobRules.Failure::reason)).as("101 s of 100")
        .contains("DeadlineExceeded");
    assertThat(JobRules.failure(job(1, 1, 3, null).spec(), new JobPods(1, 0, 0, 0, List.of()),
        start, start.plusSeconds(1_000_000))).as("no deadline set").isEmpty();
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "Complete needs no pod active: in work-queue mode one success and none running;"
          + " with completions, succeeded >= completions and none running.")
  void completeRules() {
    var counted = job(2, 3, null, null).spec();
    var workQueue = job(2, null, null, null).spec();
    assertThat(JobRules.complete(counted, 3, 0)).as("3 of 3, none active").isTrue();
    assertThat(JobRules.complete(counted, 4, 0)).as("4 of 3, none active").isTrue();
    assertThat(JobRules.complete(counted, 2, 0)).as("2 of 3, none active").isFalse();
    assertThat(JobRules.complete(counted, 3, 1)).as("3 of 3, one active").isFalse();
    assertThat(JobRules.complete(workQueue, 1, 0)).as("work queue, 1 succeeded").isTrue();
    assertThat(JobRules.complete(workQueue, 0, 0)).as("work queue, none succeeded").isFalse();
    assertThat(JobRules.complete(workQueue, 2, 1)).as("work queue, one still active").isFalse();
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "Count only the pods the Job controls (its controllerRef): another Job's pods with"
          + " the same labels are not yours.")
  void podsOfAnotherControllerAreNotCounted() throws Exception {
    Job job = fx.add(job(2, 2, null, null));
    Job other = new Job(ObjectMeta.named("default", "other").withUid("other-uid"),
        job.spec(), null);
    Pod foreign = JobFixture.pod(job, "foreign", PodStatus.SUCCEEDED, false);
    fx.pods.indexer().add(foreign.withMetadata(foreign.metadata()
        .withOwnerReferences(List.of(OwnerReference.controllerOf(other)))));
    fx.sync();
    assertThat(fx.podControl.created()).as("pods created: the other Job's success does not count")
        .hasSize(2);
    assertThat(fx.lastStatus().succeeded()).as("status.succeeded").isZero();
  }

  @Test
  @Graded(exercise = "4.3", points = 1,
      hint = "If a creation fails, lower the expectations by exactly the creations that did"
          + " not happen: not less (the Job would wait for pods that never come), not more.")
  void aFailedCreationDoesNotLeaveExpectationsBehind() throws Exception {
    fx.add(job(3, 3, null, null));
    fx.podControl.failCreationsWhen(call -> call > 1); // the first creation succeeds
    assertThatThrownBy(fx::sync).as("a creation failure makes sync fail (so it is retried)")
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("injected");
    fx.podControl.failCreationsWhen(call -> false);
    fx.sync();
    assertThat(fx.podControl.created())
        .as("the one pod that was created is still expected: no creations until it is seen")
        .hasSize(1);

    fx.pods.indexer().add(fx.podControl.created().get(0)
        .withStatus(PodStatus.ofPhase(PodStatus.PENDING)));
    fx.controller.expectations().creationObserved("default/pi");
    fx.sync();
    assertThat(fx.podControl.created())
        .as("after one pod made it and two failed: the retry creates the missing 2 at once")
        .hasSize(3);
  }
}
