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
    List<FieldError> errors = new ArrayList<>(validateContainers(spec.containers(),
        path.child("containers")));
    String restartPolicy = spec.restartPolicy();
    if (restartPolicy != null) {
      if (restartPolicy.isEmpty()) {
        errors.add(FieldError.required(path.child("restartPolicy"), ""));
      } else if (!RESTART_POLICIES.contains(restartPolicy)) {
        errors.add(FieldError.notSupported(path.child("restartPolicy"), restartPolicy,
            RESTART_POLICIES));
      }
    }
    errors.addAll(Validator.nonNegative(spec.terminationGracePeriodSeconds(),
        path.child("terminationGracePeriodSeconds")));
    Long deadline = spec.activeDeadlineSeconds();
    if (deadline != null && (deadline < 1 || deadline > Integer.MAX_VALUE)) {
      errors.add(FieldError.invalid(path.child("activeDeadlineSeconds"), deadline,
          NameValidation.inclusiveRangeError(1, Integer.MAX_VALUE)));
    }
    errors.addAll(MetadataValidation.validateLabels(spec.nodeSelector(),
        path.child("nodeSelector")));
    return errors;
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
    List<FieldError> errors = new ArrayList<>();
    if (containers.isEmpty()) {
      errors.add(FieldError.required(path, ""));
      return errors;
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < containers.size(); i++) {
      Container c = containers.get(i);
      FieldPath idx = path.index(i);
      String name = c.name() == null ? "" : c.name();
      if (name.isEmpty()) {
        errors.add(FieldError.required(idx.child("name"), ""));
      }
      errors.addAll(Validator.uniqueDns1123Label(name, names, idx.child("name")));
      if (c.image() == null || c.image().isEmpty()) {
        errors.add(FieldError.required(idx.child("image"), ""));
      }
      if (c.imagePullPolicy() != null && !PULL_POLICIES.contains(c.imagePullPolicy())) {
        errors.add(FieldError.notSupported(idx.child("imagePullPolicy"), c.imagePullPolicy(),
            PULL_POLICIES));
      }
      errors.addAll(validateContainerPorts(c.ports(), idx.child("ports")));
    }
    return errors;
    // END EXERCISE 0.4
  }

  /**
   * Validates a container's ports: a name, when set, is a valid port name and unique within the
   * container; {@code containerPort} is required (null or 0) and in 1..65535; {@code hostPort},
   * when set and not 0, in 1..65535; {@code protocol}, when set, one of SCTP, TCP, UDP.
   */
  static List<FieldError> validateContainerPorts(List<ContainerPort> ports, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate container ports: names, numbers, protocol
    List<FieldError> errors = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ContainerPort port = ports.get(i);
      FieldPath idx = path.index(i);
      if (port.name() != null && !port.name().isEmpty()) {
        List<String> msgs = NameValidation.isValidPortName(port.name());
        if (!msgs.isEmpty()) {
          msgs.forEach(msg -> errors.add(FieldError.invalid(idx.child("name"), port.name(), msg)));
        } else if (!names.add(port.name())) {
          errors.add(FieldError.duplicate(idx.child("name"), port.name()));
        }
      }
      Integer number = port.containerPort();
      if (number == null || number == 0) {
        errors.add(FieldError.required(idx.child("containerPort"), ""));
      } else {
        for (String msg : NameValidation.isValidPortNum(number)) {
          errors.add(FieldError.invalid(idx.child("containerPort"), number, msg));
        }
      }
      if (port.hostPort() != null && port.hostPort() != 0) {
        for (String msg : NameValidation.isValidPortNum(port.hostPort())) {
          errors.add(FieldError.invalid(idx.child("hostPort"), port.hostPort(), msg));
        }
      }
      if (port.protocol() != null && !Validator.PROTOCOLS.contains(port.protocol())) {
        errors.add(FieldError.notSupported(idx.child("protocol"), port.protocol(),
            Validator.PROTOCOLS));
      }
    }
    return errors;
    // END EXERCISE 0.4
  }
}
