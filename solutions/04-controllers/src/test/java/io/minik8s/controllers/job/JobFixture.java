package io.minik8s.controllers.job;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
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
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Job controller on a fake client with informers that are never started: tests put objects in
 * the caches by hand, call {@code sync}, and read what the controller asked for from the
 * recording pod control and the fake client's actions.
 */
final class JobFixture {

  static final String NS = "default";
  static final Map<String, String> LABELS = Map.of("job-name", "pi");

  final ManualClock clock = ManualClock.startingAtEpochOfCourse();
  final FakeKubeClient client = new FakeKubeClient(clock, 42);
  final DefaultSharedInformerFactory factory =
      new DefaultSharedInformerFactory(client, Duration.ZERO, clock);
  final SharedIndexInformer<Job> jobs = factory.informerFor(Job.class);
  final SharedIndexInformer<Pod> pods = factory.informerFor(Pod.class);
  final RecordingPodControl podControl = new RecordingPodControl();
  final JobController controller = new JobController(client, jobs, pods, podControl, clock);
  private int podCount;

  /** A Job named {@code pi}; null arguments are left for the controller's defaults. */
  static Job job(Integer parallelism, Integer completions, Integer backoffLimit, Long deadline) {
    PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null, null).withLabels(LABELS),
        PodSpec.of(List.of(Container.of("pi", "minik8s/busybox"))).withRestartPolicy(PodSpec.RESTART_NEVER));
    JobSpec spec = new JobSpec(parallelism, completions, deadline, backoffLimit, null, null,
        template, null, null, Map.of());
    return new Job(ObjectMeta.named(NS, "pi"), spec, null);
  }

  /** Stores the job in the fake server and the cache; returns it as stored (uid, version). */
  Job add(Job job) {
    client.addObjects(job);
    Job stored = client.resource(Job.class).get(NS, job.metadata().name());
    jobs.indexer().add(stored);
    client.clearActions();
    return stored;
  }

  /** {@code count} pods of {@code job} in {@code phase}, put in the pod cache. */
  List<Pod> pods(Job job, int count, String phase, boolean ready) {
    List<Pod> made = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Pod pod = pod(job, "pi-" + podCount++, phase, ready);
      pods.indexer().add(pod);
      made.add(pod);
    }
    return made;
  }

  static Pod pod(Job job, String name, String phase, boolean ready) {
    List<Condition> conditions = List.of(Condition.of("Ready",
        ready ? Condition.TRUE : Condition.FALSE, null, null, null));
    return new Pod(ObjectMeta.named(NS, name).withLabels(LABELS)
            .withOwnerReferences(List.of(OwnerReference.controllerOf(job))),
        job.spec().template().spec().withNodeName("node-1"),
        PodStatus.ofPhase(phase).withConditions(conditions));
  }

  /**
   * Syncs the Job {@code pi}, after putting the Job as the server has it into the cache (as if
   * its informer had delivered the controller's last status write).
   */
  void sync() throws Exception {
    client.resource(Job.class).list(NS, io.minik8s.client.rest.ListOptions.ALL).items()
        .forEach(jobs.indexer()::update);
    controller.sync(NS + "/pi");
  }

  /** The status writes so far. */
  List<JobStatus> statusWrites() {
    return client.actions("update", "jobs/status").stream()
        .map(Action::object).map(o -> ((Job) o).status()).toList();
  }

  /** The last status written; fails the test if none was. */
  JobStatus lastStatus() {
    List<JobStatus> writes = statusWrites();
    if (writes.isEmpty()) {
      throw new AssertionError("expected a status update of the Job, got none; actions: "
          + client.actions());
    }
    return writes.get(writes.size() - 1);
  }

  static Optional<Condition> condition(JobStatus status, String type) {
    return Condition.find(status.conditions(), type);
  }

  String now() {
    return Timestamps.format(clock.instant());
  }
}
