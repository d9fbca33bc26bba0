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
    List<FieldError> errors = new ArrayList<>();
    String type = spec.type() == null ? ServiceSpec.CLUSTER_IP : spec.type();
    if (!SERVICE_TYPES.contains(type)) {
      errors.add(FieldError.notSupported(path.child("type"), type, SERVICE_TYPES));
    }
    List<ServicePort> ports = spec.ports();
    if (ports.isEmpty() && !type.equals(ServiceSpec.EXTERNAL_NAME)) {
      errors.add(FieldError.required(path.child("ports"), ""));
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < ports.size(); i++) {
      ServicePort port = ports.get(i);
      FieldPath idx = path.child("ports").index(i);
      String name = port.name() == null ? "" : port.name();
      if (!name.isEmpty()) {
        errors.addAll(Validator.uniqueDns1123Label(name, names, idx.child("name")));
      } else if (ports.size() > 1) {
        errors.add(FieldError.required(idx.child("name"), ""));
      }
      int number = port.port() == null ? 0 : port.port();
      for (String msg : NameValidation.isValidPortNum(number)) {
        errors.add(FieldError.invalid(idx.child("port"), number, msg));
      }
      if (port.protocol() != null && !Validator.PROTOCOLS.contains(port.protocol())) {
        errors.add(FieldError.notSupported(idx.child("protocol"), port.protocol(),
            Validator.PROTOCOLS));
      }
      IntOrString target = port.targetPort();
      if (target != null) {
        List<String> msgs = target.isInt()
            ? NameValidation.isValidPortNum(target.intValue())
            : NameValidation.isValidPortName(target.stringValue());
        Object bad = target.isInt() ? (Object) target.intValue() : target.stringValue();
        msgs.forEach(msg -> errors.add(FieldError.invalid(idx.child("targetPort"), bad, msg)));
      }
      Integer nodePort = port.nodePort();
      if (nodePort != null && nodePort != 0) {
        if (type.equals(ServiceSpec.CLUSTER_IP)) {
          errors.add(FieldError.forbidden(idx.child("nodePort"),
              "may not be used when `type` is 'ClusterIP'"));
        } else {
          for (String msg : NameValidation.isValidPortNum(nodePort)) {
            errors.add(FieldError.invalid(idx.child("nodePort"), nodePort, msg));
          }
        }
      }
    }
    errors.addAll(MetadataValidation.validateLabels(spec.selector(), path.child("selector")));
    return errors;
    // END EXERCISE 0.4
  }
}
