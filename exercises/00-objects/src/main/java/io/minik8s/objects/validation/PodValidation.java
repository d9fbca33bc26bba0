package io.minik8s.objects.validation;

import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.ContainerPort;
import io.minik8s.objects.api.core.PodSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for what a pod runs: the pod spec (restart policy, deadlines, node selector), its
 * containers (names, images, pull policy) and their ports. Workloads reuse {@link
 * #validatePodSpec} for their pod template.
 *
 * <p>Upstream: ValidatePodSpec, validateContainers and validateContainerPorts in
 * k8s.io/kubernetes/pkg/apis/core/validation/validation.go.
 */
final class PodValidation {

  private PodValidation() {}

  static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");

  /** A missing pod spec is validated as one without containers: "containers: Required value". */
  static PodSpec orEmpty(PodSpec spec) {
    return spec == null ? PodSpec.of(List.of()) : spec;
  }

  /**
   * Validates a pod spec at {@code path}: {@code containers} (see {@link #validateContainers});
   * {@code restartPolicy}, when set, one of Always, OnFailure, Never ("" is Required); {@code
   * terminationGracePeriodSeconds} not negative; {@code activeDeadlineSeconds} between 1 and
   * 2147483647; {@code nodeSelector} as labels.
   */
  static List<FieldError> validatePodSpec(PodSpec spec, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate a pod spec: containers, restartPolicy, deadlines, nodeSelector
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a pod spec: containers, restartPolicy, deadlines, nodeSelector");
    // END EXERCISE 0.4
  }

  /**
   * Validates the container list at {@code path}: at least one container (else {@code
   * path: Required value}); for container {@code i}: name required, a DNS-1123 label, and unique
   * (Duplicate, also for a second unnamed container); image required; {@code imagePullPolicy},
   * when set, one of Always, IfNotPresent, Never; ports (see {@link #validateContainerPorts}).
   */
  static List<FieldError> validateContainers(List<Container> containers, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate containers: present, unique label names, image, pull policy
    throw new UnsupportedOperationException("TODO exercise 0.4: validate containers: present, unique label names, image, pull policy");
    // END EXERCISE 0.4
  }

  /**
   * Validates a container's ports: a name, when set, is a valid port name and unique within the
   * container; {@code containerPort} is required (null or 0) and in 1..65535; {@code hostPort},
   * when set and not 0, in 1..65535; {@code protocol}, when set, one of SCTP, TCP, UDP.
   */
  static List<FieldError> validateContainerPorts(List<ContainerPort> ports, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate container ports: names, numbers, protocol
    throw new UnsupportedOperationException("TODO exercise 0.4: validate container ports: names, numbers, protocol");
    // END EXERCISE 0.4
  }
}
