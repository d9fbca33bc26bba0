package io.minik8s.controllers.cloud;

/**
 * A cloud the cloud controller manager drives (upstream's {@code cloudprovider.Interface} in
 * k8s.io/cloud-provider/cloud.go). A provider hands out one small interface per capability; the
 * controllers use only the ones they need.
 */
public interface CloudProvider {

  /** The provider's name, as in {@code --cloud-provider} and in {@code spec.providerID} URIs. */
  String providerName();

  LoadBalancers loadBalancers();

  Instances instances();

  Routes routes();
}
