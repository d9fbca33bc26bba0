package io.minik8s.apiserver.subresource;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import java.io.InputStream;

/**
 * Where {@code pods/log} reads a container's log. The API server holds no logs: upstream
 * proxies the request to the kubelet of the pod's node ({@code GET
 * https://<node>:10250/containerLogs/<ns>/<pod>/<container>}). Until this course has a kubelet
 * (module 06), the server uses {@link #NONE}, which says so.
 *
 * <p>Upstream: pkg/registry/core/pod/rest/log.go ({@code LogREST.Get}) and
 * pkg/registry/core/pod/strategy.go ({@code LogLocation}).
 */
@FunctionalInterface
public interface PodLogSource {

  /**
   * The log of one container of a pod that is bound to a node.
   *
   * @param pod the pod as stored, with {@code spec.nodeName} set
   * @param container the container's name (already checked to exist)
   * @param options the request's log options ({@code follow}, {@code tailLines}, ...) as given
   * @throws io.minik8s.apiserver.errors.ApiException 503 if the node cannot be reached
   */
  InputStream open(Unstructured pod, String container, java.util.Map<String, String> options);

  /** No kubelet to ask: every request gets 503 naming the pod and its node. */
  PodLogSource NONE = (pod, container, options) -> {
    throw StatusErrors.unavailable("cannot get the log of container \"" + container
        + "\" of pod \"" + pod.name() + "\" on node \"" + pod.at("spec.nodeName").asText()
        + "\": this API server has no connection to kubelets yet");
  };

  /**
   * The container whose log a request wants: the one named, or the only one.
   *
   * @throws io.minik8s.apiserver.errors.ApiException 400 BadRequest if the pod has no node
   *     yet, the named container does not exist, or none is named and the pod has several
   */
  static String container(Unstructured pod, String requested) {
    if (pod.at("spec.nodeName").asText("").isEmpty()) {
      throw StatusErrors.badRequest("pod " + pod.name() + " does not have a host assigned");
    }
    java.util.List<String> names = new java.util.ArrayList<>();
    pod.at("spec.containers").forEach(c -> names.add(c.path("name").asText()));
    if (requested == null || requested.isEmpty()) {
      if (names.size() == 1) {
        return names.get(0);
      }
      throw StatusErrors.badRequest("a container name must be specified for pod " + pod.name()
          + ", choose one of: " + names);
    }
    if (!names.contains(requested)) {
      throw StatusErrors.badRequest("container " + requested + " is not valid for pod "
          + pod.name());
    }
    return requested;
  }
}
