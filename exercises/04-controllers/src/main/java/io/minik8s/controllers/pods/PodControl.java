package io.minik8s.controllers.pods;

import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.KubeObject;

/**
 * How workload controllers create and delete their pods (upstream's {@code PodControlInterface}).
 * An interface so unit tests record the calls instead of making them.
 */
public interface PodControl {

  /**
   * Creates a pod from {@code template} in the controller's namespace, named
   * {@code <controller name>-<random>} by the server ({@code generateName}), carrying the
   * template's labels and annotations and a controller ownerReference to {@code controller}.
   *
   * @return the pod the server created
   */
  Pod createPod(PodTemplateSpec template, KubeObject controller);

  /** Deletes a pod of {@code controller}; a pod that is already gone is not an error. */
  void deletePod(String namespace, String name, KubeObject controller);
}
