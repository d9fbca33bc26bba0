package io.minik8s.objects.validation;

import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.ReplicaSet;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.batch.Job;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Node;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServiceSpec;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.Role;
import io.minik8s.objects.api.rbac.RoleBinding;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

  /*
   * Design: this class only dispatches on the kind, the way each upstream ValidateXxx starts with
   * ValidateObjectMeta and then validates its spec. The rules live with their domain, one
   * package-private class each, mirroring upstream's files:
   *
   *   MetadataValidation   name, generateName, namespace, generation, labels, annotations
   *   PodValidation        pod spec, containers, container ports
   *   WorkloadValidation   Deployment, ReplicaSet, Job: selector, template, counts, strategy
   *   ServiceValidation    Service type, ports, selector
   *   ConfigMapValidation  ConfigMap data and binaryData keys
   *
   * RBAC objects are named by the looser path-segment rule (NameValidation). Namespaces and
   * Nodes have no spec rules: their metadata (cluster-scoped, with their name rule) is all there
   * is to check. What more than one domain needs is at the bottom of this
   * file. A missing spec is validated as an empty one, so "spec.containers: Required value"
   * still points at the field the user forgot.
   */

  private Validator() {}

  static final String NEGATIVE = "must be greater than or equal to 0";
  /** Shared by container ports and service ports. */
  static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

  /** Validates any object: typed kinds fully, others (and unknown kinds) by their metadata. */
  public static List<FieldError> validate(KubeObject object) {
    List<FieldError> errors = new ArrayList<>();
    FieldPath meta = FieldPath.of("metadata");
    FieldPath spec = FieldPath.of("spec");
    Function<String, List<String>> subdomain = NameValidation::isDns1123Subdomain;
    if (object instanceof Pod pod) {
      errors.addAll(MetadataValidation.validateObjectMeta(pod.metadata(), true, subdomain, meta));
      errors.addAll(PodValidation.validatePodSpec(PodValidation.orEmpty(pod.spec()), spec));
    } else if (object instanceof Deployment d) {
      errors.addAll(MetadataValidation.validateObjectMeta(d.metadata(), true, subdomain, meta));
      errors.addAll(WorkloadValidation.validateDeploymentSpec(d.spec() == null
          ? new DeploymentSpec(null, null, null) : d.spec(), spec));
    } else if (object instanceof ReplicaSet rs) {
      errors.addAll(MetadataValidation.validateObjectMeta(rs.metadata(), true, subdomain, meta));
      errors.addAll(WorkloadValidation.validateReplicaSetSpec(rs.spec() == null
          ? new ReplicaSetSpec(null, null, null) : rs.spec(), spec));
    } else if (object instanceof Job job) {
      errors.addAll(MetadataValidation.validateObjectMeta(job.metadata(), true, subdomain, meta));
      errors.addAll(WorkloadValidation.validateJobSpec(job.spec() == null
          ? new JobSpec(null, null, null, null) : job.spec(), spec));
    } else if (object instanceof Service svc) {
      errors.addAll(MetadataValidation.validateObjectMeta(svc.metadata(), true,
          NameValidation::isDns1035Label, meta));
      errors.addAll(ServiceValidation.validateServiceSpec(svc.spec() == null
          ? new ServiceSpec(null, null, null) : svc.spec(), spec));
    } else if (object instanceof Namespace ns) {
      errors.addAll(MetadataValidation.validateObjectMeta(ns.metadata(), false,
          NameValidation::isDns1123Label, meta));
    } else if (object instanceof ConfigMap cm) {
      errors.addAll(MetadataValidation.validateObjectMeta(cm.metadata(), true, subdomain, meta));
      errors.addAll(ConfigMapValidation.validateConfigMapData(cm.data(), cm.binaryData()));
    } else if (object instanceof Node node) {
      errors.addAll(MetadataValidation.validateObjectMeta(node.metadata(), false, subdomain, meta));
    } else if (object instanceof Role || object instanceof RoleBinding) {
      // RBAC names are path segments (upstream ValidateRBACName), so "system:viewer" is valid
      errors.addAll(MetadataValidation.validateObjectMeta(object.metadata(), true,
          NameValidation::isValidPathSegmentName, meta));
    } else if (object instanceof ClusterRole || object instanceof ClusterRoleBinding) {
      errors.addAll(MetadataValidation.validateObjectMeta(object.metadata(), false,
          NameValidation::isValidPathSegmentName, meta));
    } else {
      // Other kinds: metadata only, scoped as the scheme says; unknown kinds as written.
      boolean namespaced = Scheme.builtIn().types().stream()
          .filter(t -> t.javaType() == object.getClass())
          .findFirst()
          .map(ResourceType::namespaced)
          .orElse(MetadataValidation.orEmpty(object.metadata()).namespace() != null);
      errors.addAll(MetadataValidation.validateObjectMeta(object.metadata(), namespaced,
          subdomain, meta));
    }
    return errors;
  }

  /** {@code value} (when set) must not be negative. */
  static List<FieldError> nonNegative(Number value, FieldPath path) {
    return value != null && value.longValue() < 0
        ? List.of(FieldError.invalid(path, value, NEGATIVE))
        : List.of();
  }

  /**
   * The name of one member of a list (a container, a service port), at {@code path}: when not
   * empty a DNS-1123 label, and in any case not one of the names in {@code seen} (Duplicate),
   * which it then joins. An empty name is the caller's to report (Required) or to allow.
   */
  static List<FieldError> uniqueDns1123Label(String name, Set<String> seen, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    if (!name.isEmpty()) {
      for (String msg : NameValidation.isDns1123Label(name)) {
        errors.add(FieldError.invalid(path, name, msg));
      }
    }
    if (!seen.add(name)) {
      errors.add(FieldError.duplicate(path, name));
    }
    return errors;
  }
}
