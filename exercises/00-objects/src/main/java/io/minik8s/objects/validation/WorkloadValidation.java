package io.minik8s.objects.validation;

import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.apps.DeploymentStrategy;
import io.minik8s.objects.api.apps.ReplicaSetSpec;
import io.minik8s.objects.api.batch.JobSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.labels.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules for workloads, the kinds that stamp out pods from a template: Deployments,
 * ReplicaSets and Jobs. They share the template rules (its labels must be matched by the
 * selector, its pod spec must be valid) and differ in the rest: Deployments and ReplicaSets
 * require a selector and restartPolicy Always, and Deployments check their rollout strategy; Jobs
 * count completions and need restartPolicy OnFailure or Never.
 *
 * <p>Upstream: ValidateDeploymentSpec, ValidateRollingUpdateDeployment and ValidateReplicaSetSpec
 * in k8s.io/kubernetes/pkg/apis/apps/validation/validation.go; ValidateJobSpec in
 * pkg/apis/batch/validation/validation.go.
 */
final class WorkloadValidation {

  private WorkloadValidation() {}

  static final List<String> STRATEGY_TYPES = List.of("Recreate", "RollingUpdate");

  /**
   * Validates a pod template at {@code templatePath} (not null): when a {@code selector} is given,
   * it must match the template's labels ("`selector` does not match template `labels`", reported
   * at {@code metadata.labels} with the labels as bad value); the labels themselves; and the pod
   * spec (a missing one counts as empty). The restart policy a workload allows is its own rule.
   */
  static List<FieldError> validatePodTemplate(
      LabelSelector selector, PodTemplateSpec template, FieldPath templatePath) {
    // BEGIN EXERCISE 0.4 — validate a pod template: labels matched by the selector, pod spec
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a pod template: labels matched by the selector, pod spec");
    // END EXERCISE 0.4
  }

  /**
   * Validates what Deployments and ReplicaSets share (errors under {@code specPath}): {@code
   * selector} required and not empty ("empty selector is invalid for deployment", upstream's
   * wording for both kinds); {@code template} required and valid (see {@link
   * #validatePodTemplate}); and its restartPolicy, when set, {@code Always} (NotSupported
   * otherwise).
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
    errors.addAll(Validator.nonNegative(spec.replicas(), path.child("replicas")));
    errors.addAll(Validator.nonNegative(spec.minReadySeconds(), path.child("minReadySeconds")));
    errors.addAll(validateSelectorAndTemplate(spec.selector(), spec.template(), path));
    return errors;
  }

  /**
   * Validates a Job spec: parallelism, completions, activeDeadlineSeconds and backoffLimit not
   * negative; {@code template} required and valid (see {@link #validatePodTemplate}; the selector
   * is optional); and restartPolicy OnFailure or Never, reported (also when absent) as {@code
   * spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"}.
   */
  static List<FieldError> validateJobSpec(JobSpec spec, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate a Job spec: counts, template, restartPolicy OnFailure/Never
    throw new UnsupportedOperationException("TODO exercise 0.4: validate a Job spec: counts, template, restartPolicy OnFailure/Never");
    // END EXERCISE 0.4
  }

  /** A non-negative integer or a valid percentage (upstream's ValidatePositiveIntOrPercent). */
  static List<FieldError> intOrPercent(IntOrString value, FieldPath path) {
    if (value == null) {
      return List.of();
    }
    if (value.isInt()) {
      return Validator.nonNegative(value.intValue(), path);
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
