package io.minik8s.controllers.job;

import io.minik8s.controllers.pods.PodControl;
import io.minik8s.controllers.pods.RealPodControl;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.KubeObject;
import java.util.ArrayList;
import java.util.List;

/** A {@link PodControl} that records what a controller asked for and creates nothing. */
final class RecordingPodControl implements PodControl {

  /** The pods a controller asked to create, as they would be sent. */
  final List<Pod> created = new ArrayList<>();
  /** The {@code namespace/name} of each pod a controller asked to delete. */
  final List<String> deleted = new ArrayList<>();
  /** Creations that succeed before every further one fails; -1 for never failing. */
  int createsBeforeFailure = -1;

  @Override
  public Pod createPod(PodTemplateSpec template, KubeObject controller) {
    if (createsBeforeFailure == 0) {
      throw new IllegalStateException("injected: pod creation failed");
    }
    if (createsBeforeFailure > 0) {
      createsBeforeFailure--;
    }
    Pod pod = RealPodControl.podFromTemplate(template, controller);
    pod = pod.withMetadata(pod.metadata().withName(
        pod.metadata().generateName() + created.size()));
    created.add(pod);
    return pod;
  }

  @Override
  public void deletePod(String namespace, String name, KubeObject controller) {
    deleted.add(namespace + "/" + name);
  }

  void clear() {
    created.clear();
    deleted.clear();
  }
}
