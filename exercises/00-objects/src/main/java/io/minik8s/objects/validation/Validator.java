package io.minik8s.objects.validation;

import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.ContainerPort;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.labels.LabelSelectorRequirement;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Checks an object before the API server stores it, the way the Kubernetes API server does on
 * create: the metadata of every kind, and the spec of Pods, Deployments, ReplicaSets, Jobs,
 * Services, Namespaces and ConfigMaps. Returns every problem found (empty when valid), in a
 * deterministic order: fields in the order listed in each method, map keys sorted.
 *
 * <pre>{@code
 * List<FieldError> errors = Validator.validate(pod);
 * // [metadata.name: Invalid value: "Web": a lowercase RFC 1123 subdomain must consist of ...,
 * //  spec.containers[0].image: Required value]
 * }</pre>
 *
 * <p>Validation runs on the object as the user sent it, before defaulting: a field the API server
 * would default (restartPolicy, protocol, strategy type) may be absent (null), but a value that is
 * present must be valid. And, unlike upstream, {@code generateName} alone is enough: name
 * generation happens after validation here.
 *
 * <p>Upstream: ValidatePod, ValidateService, ValidateNamespace, ValidateConfigMap in
 * k8s.io/kubernetes/pkg/apis/core/validation/validation.go, ValidateDeployment and
 * ValidateReplicaSet in pkg/apis/apps/validation, ValidateJob in pkg/apis/batch/validation, and
 * ValidateObjectMeta in k8s.io/apimachinery/pkg/api/validation/objectmeta.go.
 */
public final class Validator {

  private Validator() {}

  static final String NEGATIVE = "must be greater than or equal to 0";
  static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;
  static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");
  static final List<String> PULL_POLICIES = List.of("Always", "IfNotPresent", "Never");
  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
  static final List<String> SERVICE_TYPES =
      List.of("ClusterIP", "ExternalName", "LoadBalancer", "NodePort");
  static final List<String> STRATEGY_TYPES = List.of("Recreate", "RollingUpdate");

  /** Validates any object: typed kinds fully, others (and unknown kinds) by their metadata. */
  public static List<FieldError> validate(KubeObject object) {
    List<FieldError> errors = new ArrayList<>();
    FieldPath meta = FieldPath.of("metadata");
    Function<String, List<String>> subdomain = NameValidation::isDns1123Subdomain;
    if (object instanceof Pod pod) {
      errors.addAll(validateObjectMeta(pod.metadata(), true, subdomain, meta));
      errors.addAll(validatePodSpec(orEmpty(pod.spec()), FieldPath.of("spec")));
    } else if (object instanceof Deployment d) {
      errors.addAll(validateObjectMeta(d.metadata(), true, subdomain, meta));
      errors.addAll(validateDeploymentSpec(d.spec() == null
          ? new DeploymentSpec(null, null, null) : d.spec(), FieldPath.of("spec")));
    } else if (object instanceof ReplicaSet rs) {
      errors.addAll(validateObjectMeta(rs.metadata(), true, subdomain, meta));
      errors.addAll(validateReplicaSetSpec(rs.spec() == null
          ? new ReplicaSetSpec(null, null, null) : rs.spec(), FieldPath.of("spec")));
    } else if (object instanceof Job job) {
      errors.addAll(validateObjectMeta(job.metadata(), true, subdomain, meta));
      errors.addAll(validateJobSpec(job.spec() == null
          ? new JobSpec(null, null, null, null) : job.spec(), FieldPath.of("spec")));
    } else if (object instanceof Service svc) {
      errors.addAll(validateObjectMeta(svc.metadata(), true, NameValidation::isDns1035Label, meta));
      errors.addAll(validateServiceSpec(svc.spec() == null
          ? new ServiceSpec(null, null, null) : svc.spec(), FieldPath.of("spec")));
    } else if (object instanceof Namespace ns) {
      errors.addAll(validateObjectMeta(ns.metadata(), false, NameValidation::isDns1123Label, meta));
    } else if (object instanceof ConfigMap cm) {
      errors.addAll(validateObjectMeta(cm.metadata(), true, subdomain, meta));
      errors.addAll(validateConfigMapData(cm.data(), cm.binaryData()));
    } else if (object instanceof Node node) {
      errors.addAll(validateObjectMeta(node.metadata(), false, subdomain, meta));
    } else {
      // Other kinds: metadata only, scoped as the scheme says; unknown kinds as written.
      boolean namespaced = Scheme.builtIn().types().stream()
          .filter(t -> t.javaType() == object.getClass())
          .findFirst()
          .map(ResourceType::namespaced)
          .orElse(metadataOrEmpty(object.metadata()).namespace() != null);
      errors.addAll(validateObjectMeta(object.metadata(), namespaced, subdomain, meta));
    }
    return errors;
  }

  private static PodSpec orEmpty(PodSpec spec) {
    return spec == null ? PodSpec.of(List.of()) : spec;
  }

  private static ObjectMeta metadataOrEmpty(ObjectMeta meta) {
    return meta == null ? ObjectMeta.EMPTY : meta;
  }

  /**
   * Upstream's maskTrailingDash: a generateName may end in '-' (random characters follow), so
   * before checking it as a name the last two characters become "a".
   */
  static String maskTrailingDash(String name) {
    return name.length() > 1 && name.endsWith("-")
        ? name.substring(0, name.length() - 2) + "a"
        : name;
  }

  /**
   * Validates metadata (null counts as empty): {@code generateName} (if set) with {@code
   * nameRule} after {@link #maskTrailingDash}; {@code name} required unless {@code generateName}
   * is set ("name or generateName is required"), else checked with {@code nameRule}; {@code
   * namespace} required and a DNS-1123 label for namespaced kinds, forbidden ("not allowed on
   * this type") otherwise; {@code generation} not negative; labels and annotations.
   */
  static List<FieldError> validateObjectMeta(ObjectMeta metadata, boolean namespaced,
      Function<String, List<String>> nameRule, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate metadata: name, generateName, namespace, labels, annotations
    throw new UnsupportedOperationException("TODO exercise 0.4: validate metadata: name, generateName, namespace, labels, annotations");
    // END EXERCISE 0.4
  }

  /**
   * Validates a label map (also node selectors, service selectors and template labels), keys in
   * sorted order: each key must be a qualified name and each value a label value; errors are
   * reported at {@code path} itself with the key or value as the bad value.
   */
  static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate label keys (qualified names) and values
    throw new UnsupportedOperationException("TODO exercise 0.4: validate label keys (qualified names) and values");
    // END EXERCISE 0.4
  }

  /**
   * Annotation keys are qualified names compared in lower case (values are free text); keys and
   * values together may not exceed 256 KiB.
   */
  static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    long totalSize = 0;
    for (Map.Entry<String, String> a : new TreeMap<>(annotations).entrySet()) {
      for (String msg : NameValidation.isQualifiedName(a.getKey().toLowerCase())) {
        errors.add(FieldError.invalid(path, a.getKey(), msg));
      }
      totalSize += NameValidation.byteLength(a.getKey()) + NameValidation.byteLength(a.getValue());
    }
    if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errors.add(FieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    return errors;
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
   * (Duplicate); image required; {@code imagePullPolicy}, when set, one of Always,
   * IfNotPresent, Never; ports (see {@link #validateContainerPorts}).
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

  /**
   * Validates what Deployments and ReplicaSets share (errors under {@code specPath}): {@code
   * selector} required and not empty ("empty selector is invalid for deployment", upstream's
   * wording for both kinds); the template's labels valid and matched by the selector ("`selector`
   * does not match template `labels`", reported at {@code template.metadata.labels} with the
   * labels as bad value); the template's pod spec; and its restartPolicy, when set, {@code
   * Always} (NotSupported otherwise).
   */
  static List<FieldError> validateSelectorAndTemplate(
      LabelSelector selector, PodTemplateSpec template, FieldPath specPath) {
    // BEGIN EXERCISE 0.4 — validate a workload's selector against its pod template
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a workload's selector against its pod template");
    // END EXERCISE 0.4
  }

  /**
   * Validates a Deployment spec: {@code replicas} not negative; selector and template (see
   * {@link #validateSelectorAndTemplate}); {@code strategy}: type, when set, Recreate or
   * RollingUpdate; Recreate forbids {@code rollingUpdate} ("may not be specified when strategy
   * `type` is 'Recreate'"); maxUnavailable and maxSurge each a non-negative integer or a valid
   * percentage, maxUnavailable at most 100% ("must not be greater than 100%"), and not both 0
   * ("may not be 0 when `maxSurge` is 0", at maxUnavailable); {@code revisionHistoryLimit} not
   * negative; {@code progressDeadlineSeconds} not negative and greater than {@code
   * minReadySeconds} (default 0): "must be greater than minReadySeconds".
   */
  static List<FieldError> validateDeploymentSpec(DeploymentSpec spec, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate a Deployment spec: replicas, selector, strategy, limits
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a Deployment spec: replicas, selector, strategy, limits");
    // END EXERCISE 0.4
  }

  /** A ReplicaSet spec: replicas and minReadySeconds not negative, selector and template. */
  static List<FieldError> validateReplicaSetSpec(ReplicaSetSpec spec, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    errors.addAll(nonNegative(spec.replicas(), path.child("replicas")));
    errors.addAll(nonNegative(spec.minReadySeconds(), path.child("minReadySeconds")));
    errors.addAll(validateSelectorAndTemplate(spec.selector(), spec.template(), path));
    return errors;
  }

  /**
   * Validates a Job spec: parallelism, completions, activeDeadlineSeconds and backoffLimit not
   * negative; template required, its labels valid and, when a selector is given, matched by it;
   * the pod spec; and restartPolicy OnFailure or Never, reported (also when absent) as {@code
   * spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"}.
   */
  static List<FieldError> validateJobSpec(JobSpec spec, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate a Job spec: counts, template, restartPolicy OnFailure/Never
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a Job spec: counts, template, restartPolicy OnFailure/Never");
    // END EXERCISE 0.4
  }

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

  /**
   * Validates ConfigMap keys, sorted, in {@code data} then {@code binaryData}: each a valid
   * config key (reported at {@code data[key]} with the key as bad value), and no key in both
   * ("duplicate of key present in binaryData" / "duplicate of key present in data").
   */
  static List<FieldError> validateConfigMapData(
      Map<String, String> data, Map<String, String> binaryData) {
    // BEGIN EXERCISE 0.4 — validate ConfigMap keys in data and binaryData
    throw new UnsupportedOperationException("TODO exercise 0.4: validate ConfigMap keys in data and binaryData");
    // END EXERCISE 0.4
  }

  /** {@code value} (when set) must not be negative. */
  static List<FieldError> nonNegative(Number value, FieldPath path) {
    return value != null && value.longValue() < 0
        ? List.of(FieldError.invalid(path, value, NEGATIVE))
        : List.of();
  }

  /** A non-negative integer or a valid percentage (upstream's ValidatePositiveIntOrPercent). */
  static List<FieldError> intOrPercent(IntOrString value, FieldPath path) {
    if (value == null) {
      return List.of();
    }
    if (value.isInt()) {
      return nonNegative(value.intValue(), path);
    }
    List<FieldError> errors = new ArrayList<>();
    NameValidation.isValidPercent(value.stringValue())
        .forEach(msg -> errors.add(FieldError.invalid(path, value, msg)));
    return errors;
  }

  /** The number in {@code 5} or {@code "25%"}; 0 when the string is not a number. */
  static int intOrPercentValue(IntOrString value) {
    if (value.isInt()) {
      return value.intValue();
    }
    try {
      return Integer.parseInt(value.stringValue().replace("%", ""));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /**
   * Whether {@code selector} matches {@code labels}: every matchLabels pair present, every
   * expression satisfied (In, NotIn, Exists, DoesNotExist). A small matcher of our own so that
   * validation does not depend on the label selector exercise.
   */
  static boolean selectorMatches(LabelSelector selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.matchLabels().entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    for (LabelSelectorRequirement r : selector.matchExpressions()) {
      boolean has = labels.containsKey(r.key());
      boolean ok = switch (r.operator()) {
        case "In" -> has && r.values().contains(labels.get(r.key()));
        case "NotIn" -> !has || !r.values().contains(labels.get(r.key()));
        case "Exists" -> has;
        case "DoesNotExist" -> !has;
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
