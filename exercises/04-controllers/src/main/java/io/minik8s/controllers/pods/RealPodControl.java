package io.minik8s.controllers.pods;

import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import java.util.List;

/** {@link PodControl} through the API server. */
public final class RealPodControl implements PodControl {

  private final KubeClient client;

  public RealPodControl(KubeClient client) {
    this.client = client;
  }

  @Override
  public Pod createPod(PodTemplateSpec template, KubeObject controller) {
    return client.resource(Pod.class).create(podFromTemplate(template, controller));
  }

  /** Upstream's {@code GetPodFromTemplate} (pkg/controller/controller_utils.go). */
  public static Pod podFromTemplate(PodTemplateSpec template, KubeObject controller) {
    ObjectMeta owner = controller.metadata();
    ObjectMeta templateMeta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
    ObjectMeta meta = ObjectMeta.named(owner.namespace(), null)
        .withGenerateName(owner.name() + "-")
        .withLabels(templateMeta.labels())
        .withAnnotations(templateMeta.annotations())
        .withOwnerReferences(List.of(OwnerReference.controllerOf(controller)));
    return new Pod(meta, template.spec(), null);
  }

  @Override
  public void deletePod(String namespace, String name, KubeObject controller) {
    try {
      client.resource(Pod.class).delete(namespace, name, DeleteOptions.DEFAULT);
    } catch (NotFoundException alreadyGone) {
      // someone else deleted it: the controller's expectation is met all the same
    }
  }
}
