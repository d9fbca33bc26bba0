package io.minik8s.controllers.testing;

import io.minik8s.controllers.pods.PodControl;
import io.minik8s.controllers.pods.RealPodControl;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * A {@link PodControl} that records what a controller asked for instead of doing it (upstream's
 * {@code FakePodControl}). Created pods are built as {@link RealPodControl} would send them, with
 * the name and uid the server would add; a test decides whether they reach the pod cache.
 *
 * <p>Failures are injected by call number ({@link #failCreationsWhen}) or by pod name
 * ({@link #failDeletionOf}); a failed call throws {@link InjectedFailure} and is not recorded as
 * created or deleted, but counts in {@link #createCalls()} / {@link #deleteCalls()}.
 */
public final class RecordingPodControl implements PodControl {

  /** What an injected failure throws (an IllegalStateException, as a failing server call might). */
  public static final class InjectedFailure extends IllegalStateException {
    public InjectedFailure(String message) {
      super(message);
    }
  }

  private final List<Pod> created = new ArrayList<>();
  private final List<String> deleted = new ArrayList<>();
  private final List<String> deletedKeys = new ArrayList<>();
  private int createCalls;
  private int deleteCalls;
  private IntPredicate failCreation = call -> false;
  private final Set<String> failDeletion = new HashSet<>();

  /** Creation calls whose 1-based number matches fail, e.g. {@code n -> n >= 4}. */
  public RecordingPodControl failCreationsWhen(IntPredicate callNumber) {
    this.failCreation = callNumber;
    return this;
  }

  public RecordingPodControl failDeletionOf(String podName) {
    failDeletion.add(podName);
    return this;
  }

  @Override
  public synchronized Pod createPod(PodTemplateSpec template, KubeObject controller) {
    createCalls++;
    if (failCreation.test(createCalls)) {
      throw new InjectedFailure("injected failure of pod creation call " + createCalls);
    }
    Pod pod = RealPodControl.podFromTemplate(template, controller);
    String name = controller.metadata().name() + "-" + (created.size() + 1);
    pod = pod.withMetadata(pod.metadata().withName(name).withUid("uid-" + name)
        .withResourceVersion("1"));
    created.add(pod);
    return pod;
  }

  @Override
  public synchronized void deletePod(String namespace, String name, KubeObject controller) {
    deleteCalls++;
    if (failDeletion.contains(name)) {
      throw new InjectedFailure("injected failure of the deletion of pod " + name);
    }
    deleted.add(name);
    deletedKeys.add(namespace + "/" + name);
  }

  /** The pods created so far, in order. */
  public synchronized List<Pod> created() {
    return List.copyOf(created);
  }

  /** The names of the pods deleted so far, in order. */
  public synchronized List<String> deleted() {
    return List.copyOf(deleted);
  }

  /** The {@code namespace/name} of the pods deleted so far, in order. */
  public synchronized List<String> deletedKeys() {
    return List.copyOf(deletedKeys);
  }

  public synchronized int createCalls() {
    return createCalls;
  }

  public synchronized int deleteCalls() {
    return deleteCalls;
  }

  /** Forgets what was recorded (not the failure rules). */
  public synchronized void clear() {
    created.clear();
    deleted.clear();
    deletedKeys.clear();
    createCalls = 0;
    deleteCalls = 0;
  }
}
