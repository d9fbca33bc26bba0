package io.minik8s.controllers.job;

import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.expectations.ControllerExpectations;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.ownership.ControllerRefManager;
import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.controllers.pods.PodControl;
import io.minik8s.controllers.pods.RealPodControl;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.batch.JobStatus;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelectors;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.objects.meta.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a Job's pods to completion: keeps {@code min(parallelism, completions - succeeded)} pods
 * running, counts the finished ones, and ends the Job with a {@code Complete} or {@code Failed}
 * condition (upstream: pkg/controller/job/job_controller.go).
 *
 * <pre>
 *   sync(job):
 *     finished already?                   nothing more to do, ever
 *     count its pods (claiming orphans)   active / succeeded / failed / ready
 *     failed > backoffLimit, or deadline  Failed condition, delete the active pods
 *     else, if expectations satisfied     create or delete pods towards wantActive
 *     enough succeeded, none active       Complete condition + completionTime
 *     status changed?                     one status update
 * </pre>
 */
public final class JobController implements Controller {

  static final String CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME_LABEL = "batch.kubernetes.io/job-name";

  public static final String CONDITION_COMPLETE = "Complete";
  public static final String CONDITION_FAILED = "Failed";

  /** Writes status and adopts or releases pods. */
  private final KubeClient client;
  private final SharedIndexInformer<Job> jobs;
  private final SharedIndexInformer<Pod> pods;
  /** Creates and deletes pods (a recorder in tests). */
  private final PodControl podControl;
  /** Per Job key: creations and deletions the pod informer has not shown yet. */
  private final ControllerExpectations expectations;
  /** startTime, completionTime and the active deadline are read from it. */
  private final Clock clock;
  private final ControllerLoop loop;

  public JobController(KubeClient client, SharedIndexInformer<Job> jobInformer,
      SharedIndexInformer<Pod> podInformer, PodControl podControl, Clock clock) {
    this.client = client;
    this.jobs = jobInformer;
    this.pods = podInformer;
    this.podControl = podControl;
    this.clock = clock;
    this.expectations = new ControllerExpectations(clock);
    this.loop = new ControllerLoop("job",
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, List.of(jobInformer, podInformer));
    jobInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override public void onAdd(Job job) {
        loop.enqueue(job);
      }

      @Override public void onUpdate(Job oldJob, Job newJob) {
        loop.enqueue(newJob);
      }

      @Override public void onDelete(Job job) {
        expectations.delete(Keys.of(job));
        loop.enqueue(job);
      }
    });
    podInformer.addEventHandler(new PodEvents());
  }

  public static JobController create(ControllerContext ctx) {
    return new JobController(ctx.client(), ctx.informers().informerFor(Job.class),
        ctx.informers().informerFor(Pod.class), new RealPodControl(ctx.client()), ctx.clock());
  }

  @Override
  public String name() {
    return "job";
  }

  /** For tests: the expectations the pod handlers lower. */
  ControllerExpectations expectations() {
    return expectations;
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  /**
   * Level-based and idempotent: re-reads the Job and its pods from the caches, acts, and writes
   * status only if it changed.
   */
  void sync(String key) throws Exception {
    Optional<Job> cached = jobs.lister().get(Keys.namespace(key), Keys.name(key));
    if (cached.isEmpty()) {
      expectations.delete(key);
      return;
    }
    Job job = cached.get();
    JobSpec spec = job.spec();
    JobStatus old = job.status() != null ? job.status()
        : new JobStatus(null, null, null, null, null, null, null, Map.of());
    if (isFinished(old)) {
      // Upstream returns at once for a finished Job: its status is final.
      return;
    }
    // Read before listing pods: an expectation met after the list must not count as seen.
    boolean satisfied = expectations.satisfied(key);
    JobPods counted = JobPods.count(claimPods(job));
    Instant now = clock.instant();
    String startTime = old.startTime() != null ? old.startTime() : Timestamps.format(now);
    Instant start = Timestamps.parse(startTime);

    List<Condition> conditions = new ArrayList<>(old.conditions());
    String completionTime = old.completionTime();
    int active = counted.active();
    int failed = counted.failed();
    int ready = counted.ready();
    Optional<JobRules.Failure> failure = JobRules.failure(spec, counted, start, now);
    if (failure.isPresent()) {
      deletePods(job, key, counted.activePods());
      // The pods we stop count as failed, as upstream did before pod finalizers.
      failed += active;
      active = 0;
      ready = 0;
      conditions.add(condition(CONDITION_FAILED, failure.get().reason(),
          failure.get().message(), now));
    } else {
      if (satisfied && job.metadata().deletionTimestamp() == null) {
        active = manage(job, key, counted);
      }
      if (JobRules.complete(spec, counted.succeeded(), active)) {
        conditions.add(condition(CONDITION_COMPLETE, null, null, now));
        completionTime = Timestamps.format(now);
      } else {
        // Nothing changes when the deadline passes, so no event would wake us: ask for one.
        JobRules.untilDeadline(spec, start, now).ifPresent(left -> loop.enqueueAfter(key, left));
      }
    }
    JobStatus status = new JobStatus(conditions, startTime, completionTime, active,
        counted.succeeded(), failed, ready, old.unknownFields());
    if (!status.equals(old)) {
      client.resource(Job.class).updateStatus(job.withStatus(status));
    }
  }

  /**
   * Creates or deletes pods so that {@link JobRules#wantActive} pods are active, recording
   * expectations first so the next sync does not act again on a cache that has not caught up.
   *
   * @return the number of active pods once these actions are observed
   */
  int manage(Job job, String key, JobPods counted) {
    // BEGIN EXERCISE 4.3 — create or delete pods towards the wanted number, with expectations
    int want = JobRules.wantActive(job.spec(), counted);
    int active = counted.active();
    if (active > want) {
      List<Pod> surplus = removalOrder(counted.activePods()).subList(0, active - want);
      deletePods(job, key, surplus);
      return want;
    }
    int missing = want - active;
    if (missing > 0) {
      expectations.expectCreations(key, missing);
      for (int i = 0; i < missing; i++) {
        try {
          podControl.createPod(podTemplate(job), job);
        } catch (RuntimeException e) {
          // These creations will never be observed: do not wait for them.
          expectations.lower(key, missing - i, 0);
          throw e;
        }
      }
    }
    return want;
    // END EXERCISE 4.3
  }

  private void deletePods(Job job, String key, List<Pod> victims) {
    if (victims.isEmpty()) {
      return;
    }
    expectations.expectDeletions(key, victims.size());
    for (int i = 0; i < victims.size(); i++) {
      ObjectMeta meta = victims.get(i).metadata();
      try {
        podControl.deletePod(meta.namespace(), meta.name(), job);
      } catch (RuntimeException e) {
        expectations.lower(key, 0, victims.size() - i);
        throw e;
      }
    }
  }

  /**
   * The pods to delete first: not yet scheduled, then not running, then not ready, then the
   * newest (upstream's {@code controller.ActivePods} order): the least work is lost.
   */
  static List<Pod> removalOrder(List<Pod> active) {
    Comparator<Pod> order = Comparator
        .comparing((Pod p) -> p.spec() != null && p.spec().nodeName() != null)
        .thenComparing(p -> p.status() != null && PodStatus.RUNNING.equals(p.status().phase()))
        .thenComparing(PodConditions::isReady)
        .thenComparing((Pod p) -> p.metadata().creationTimestamp() == null ? ""
            : p.metadata().creationTimestamp(), Comparator.reverseOrder());
    return active.stream().sorted(order).toList();
  }

  static boolean isFinished(JobStatus status) {
    return status.conditions().stream().anyMatch(c -> Condition.TRUE.equals(c.status())
        && (CONDITION_COMPLETE.equals(c.type()) || CONDITION_FAILED.equals(c.type())));
  }

  /** A Job condition: both its probe and transition times are now (upstream newCondition). */
  private static Condition condition(String type, String reason, String message, Instant now) {
    String at = Timestamps.format(now);
    return new Condition(type, Condition.TRUE, null, at, null, null, at, reason, message, Map.of());
  }

  /** The Job's pods from the cache: those it controls, plus orphans its selector adopts. */
  private List<Pod> claimPods(Job job) {
    List<Pod> candidates = pods.lister().list(job.metadata().namespace(), Selector.everything());
    return new ControllerRefManager<>(job, selector(job), client.resource(Pod.class))
        .claim(candidates);
  }

  /**
   * The Job's selector. Upstream's API server gives every Job without {@code manualSelector} the
   * selector {@code batch.kubernetes.io/controller-uid=<its uid>} and puts that label on the pod
   * template (generateSelector in pkg/registry/batch/job/strategy.go). Ours stores the Job as
   * written, so: its own selector if it has one, else its template's labels, else (a template
   * without labels, which is what {@code kubectl create job} sends) upstream's generated selector,
   * whose labels {@link #podTemplate} puts on every pod. Never the empty selector, which would
   * adopt every pod of the namespace.
   */
  static Selector selector(Job job) {
    JobSpec spec = job.spec();
    if (selectsByGeneratedLabels(spec)) {
      return Selector.fromSet(generatedLabels(job));
    }
    return spec.selector() != null
        ? LabelSelectors.toSelector(spec.selector())
        : Selector.fromSet(spec.template().labels());
  }

  /** What the Job's pods are made from: its template, with the generated labels when it selects by them. */
  static PodTemplateSpec podTemplate(Job job) {
    PodTemplateSpec template = job.spec().template();
    if (!selectsByGeneratedLabels(job.spec())) {
      return template;
    }
    ObjectMeta meta = template.metadata() != null ? template.metadata() : ObjectMeta.named(null); // unnamed, as templates are
    return new PodTemplateSpec(meta.withLabels(generatedLabels(job)), template.spec(), template.unknownFields());
  }

  /** Neither a selector nor template labels: the Job selects its pods by {@link #generatedLabels}. */
  private static boolean selectsByGeneratedLabels(JobSpec spec) {
    return spec.selector() == null && (spec.template() == null || spec.template().labels().isEmpty());
  }

  /** Upstream's labels for a Job's pods (batch/v1 {@code ControllerUidLabel}, {@code JobNameLabel}). */
  private static Map<String, String> generatedLabels(Job job) {
    return Map.of(
        CONTROLLER_UID_LABEL, job.metadata().uid(),
        JOB_NAME_LABEL, job.metadata().name());
  }

  /** The Job controlling {@code pod}, if it is in the cache. */
  private Optional<Job> controllingJob(Pod pod) {
    Optional<OwnerReference> ref = pod.metadata().controllerRef();
    if (ref.isEmpty() || !Job.KIND.equals(ref.get().kind())) {
      return Optional.empty();
    }
    return jobs.lister().get(pod.metadata().namespace(), ref.get().name())
        .filter(job -> ref.get().uid().equals(job.metadata().uid()));
  }

  /** Pod events lower the expectations of the owning Job and wake it up. */
  private final class PodEvents implements ResourceEventHandler<Pod> {
    @Override public void onAdd(Pod pod) {
      Optional<Job> job = controllingJob(pod);
      if (job.isPresent()) {
        expectations.creationObserved(Keys.of(job.get()));
        loop.enqueue(job.get());
        return;
      }
      if (pod.metadata().controllerRef().isEmpty()) {
        // An orphan: the Jobs that would adopt it should look at it.
        jobs.lister().list(pod.metadata().namespace(), Selector.everything()).stream()
            .filter(j -> selector(j).matches(pod.metadata().labels()))
            .forEach(loop::enqueue);
      }
    }

    @Override public void onUpdate(Pod oldPod, Pod newPod) {
      if (newPod.metadata().deletionTimestamp() != null
          && oldPod.metadata().deletionTimestamp() == null) {
        // Graceful deletion started: as good as gone for the expectations (upstream does so).
        controllingJob(newPod).ifPresent(j -> expectations.deletionObserved(Keys.of(j)));
      }
      controllingJob(oldPod).ifPresent(loop::enqueue);
      controllingJob(newPod).ifPresent(loop::enqueue);
    }

    @Override public void onDelete(Pod pod) {
      controllingJob(pod).ifPresent(job -> {
        if (pod.metadata().deletionTimestamp() == null) {
          expectations.deletionObserved(Keys.of(job));
        }
        loop.enqueue(job);
      });
    }
  }
}
