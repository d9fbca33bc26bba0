package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What a pod runs and where it may run. {@code restartPolicy} is {@code Always} (the default),
 * {@code OnFailure} or {@code Never}; {@code nodeName} is empty until the scheduler binds the pod.
 * Volumes, affinity, security contexts and the like are not modelled and stay in {@code
 * unknownFields}.
 *
 * <p>Upstream: {@code v1.PodSpec}.
 */
public record PodSpec(
    List<Container> initContainers,
    List<Container> containers,
    String restartPolicy,
    Long terminationGracePeriodSeconds,
    Long activeDeadlineSeconds,
    String dnsPolicy,
    Map<String, String> nodeSelector,
    String serviceAccountName,
    String nodeName,
    String schedulerName,
    List<Toleration> tolerations,
    String priorityClassName,
    Integer priority,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String RESTART_ALWAYS = "Always";
  public static final String RESTART_ON_FAILURE = "OnFailure";
  public static final String RESTART_NEVER = "Never";

  public PodSpec {
    initContainers = Copies.list(initContainers);
    containers = Copies.list(containers);
    nodeSelector = Copies.map(nodeSelector);
    tolerations = Copies.list(tolerations);
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A spec with just these containers; everything else defaulted by the server. */
  public static PodSpec of(List<Container> containers) {
    return new PodSpec(null, containers, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }

  public PodSpec withContainers(List<Container> containers) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }

  public PodSpec withRestartPolicy(String restartPolicy) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }

  public PodSpec withNodeName(String nodeName) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }

  public PodSpec withNodeSelector(Map<String, String> nodeSelector) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }

  public PodSpec withTolerations(List<Toleration> tolerations) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }

  public PodSpec withServiceAccountName(String serviceAccountName) {
    return new PodSpec(initContainers, containers, restartPolicy, terminationGracePeriodSeconds,
        activeDeadlineSeconds, dnsPolicy, nodeSelector, serviceAccountName, nodeName,
        schedulerName, tolerations, priorityClassName, priority, unknownFields);
  }
}
