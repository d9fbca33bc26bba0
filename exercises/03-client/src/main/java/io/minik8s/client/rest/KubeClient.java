package io.minik8s.client.rest;

import io.minik8s.objects.meta.KubeObject;

/**
 * A connection to one API server, handing out a typed client per kind. Thread-safe; share one
 * per process, as client-go shares one clientset.
 */
public interface KubeClient {

  /**
   * The client for a kind of the built-in scheme ({@code Pod.class}, {@code Deployment.class},
   * ...). Cheap: callers may ask for it on every use.
   *
   * @throws IllegalArgumentException naming the class if the scheme does not serve it
   */
  <T extends KubeObject> ResourceClient<T> resource(Class<T> type);

  /** The namespace a kubeconfig context or a pod's service account names; {@code default}. */
  String defaultNamespace();
}
