package io.minik8s.objects.validation;

import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules for a Service spec: its type, its ports (names, numbers, protocol, target port, node
 * port) and its selector. The Service's own name is a DNS-1035 label, a metadata rule chosen by
 * {@link Validator}: it becomes a DNS name and must start with a letter.
 *
 * <p>Upstream: ValidateService and validateServicePort in
 * k8s.io/kubernetes/pkg/apis/core/validation/validation.go.
 */
final class ServiceValidation {

  private ServiceValidation() {}

  static final List<String> SERVICE_TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");

  /**
   * Validates a Service spec: {@code type}, when set, one of ClusterIP, ExternalName,
   * LoadBalancer, NodePort; {@code ports} required unless ExternalName; for port {@code i}: name
   * required when there are several ports, a DNS-1123 label and unique; {@code port} in
   * 1..65535; {@code protocol}, when set, SCTP, TCP or UDP; {@code targetPort}, when set, a port
   * number or a port name; {@code nodePort}, when set and not 0, forbidden for ClusterIP services
   * ("may not be used when `type` is 'ClusterIP'") and otherwise in 1..65535; the selector as
   * labels.
   */
  static List<FieldError> validateServiceSpec(ServiceSpec spec, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate a Service spec: type, ports, target and node ports, selector
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a Service spec: type, ports, target and node ports, selector");
    // END EXERCISE 0.4
  }
}
