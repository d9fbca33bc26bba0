package io.minik8s.controllers.job;

import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.fake.Action;
import io.minik8s.client.fake.FakeKubeClient;
import io.minik8s.controllers.testing.FakeCluster;
import io.minik8s.controllers.testing.RecordingPodControl;
import io.minik8s.controllers.testing.TestPods;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.batch.JobStatus;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.Timestamps;
import io.minik8s.testkit.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Job controller on a {@link FakeCluster} (informers never started): tests put objects in
 * the caches by hand, call {@code sync}, and read what the controller asked for from the
 * recording pod control and the fake client's actions.
 */
final class JobFixture {

  static final String NS = "default";
  static final Map<String, String> LABELS = Map.of("job-name", "pi");

  final FakeCluster cluster = new FakeCluster();
  final ManualClock clock = cluster.clock;
  final FakeKubeClient client = cluster.client;
  final SharedIndexInformer<Job> jobs = cluster.informer(Job.class);
  final SharedIndexInformer<Pod> pods = cluster.informer(Pod.class);
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

  /** A pod of {@code job} on node-1, in {@code phase}, with a Ready condition. */
  static Pod pod(Job job, String name, String phase, boolean ready) {
    Pod pod = TestPods.ownedBy(TestPods.pod(NS, name, LABELS), job)
        .withSpec(job.spec().template().spec().withNodeName("node-1"));
    return TestPods.phase(ready ? TestPods.ready(pod, null) : TestPods.notReady(pod, null), phase);
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
