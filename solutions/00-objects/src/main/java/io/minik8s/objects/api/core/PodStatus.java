package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What the kubelet observed: the {@code phase} ({@code Pending}, {@code Running}, {@code
 * Succeeded}, {@code Failed}, {@code Unknown}), conditions ({@code PodScheduled}, {@code
 * Initialized}, {@code ContainersReady}, {@code Ready}), addresses and per-container status.
 *
 * <p>Upstream: {@code v1.PodStatus}.
 */
public record PodStatus(
    String phase,
    List<Condition> conditions,
    String message,
    String reason,
    String nominatedNodeName,
    String hostIP,
    String podIP,
    String startTime,
    List<ContainerStatus> initContainerStatuses,
    List<ContainerStatus> containerStatuses,
    String qosClass,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public static final String PENDING = "Pending";
  public static final String RUNNING = "Running";
  public static final String SUCCEEDED = "Succeeded";
  public static final String FAILED = "Failed";
  public static final String UNKNOWN = "Unknown";

  public PodStatus {
    conditions = Copies.list(conditions);
    initContainerStatuses = Copies.list(initContainerStatuses);
    containerStatuses = Copies.list(containerStatuses);
    unknownFields = Copies.unknown(unknownFields);
  }

  /** A status with only a phase. */
  public static PodStatus ofPhase(String phase) {
    return new PodStatus(phase, null, null, null, null, null, null, null, null, null, null, null);
  }

  public PodStatus withPhase(String phase) {
    return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, podIP,
        startTime, initContainerStatuses, containerStatuses, qosClass, unknownFields);
  }

  public PodStatus withConditions(List<Condition> conditions) {
    return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, podIP,
        startTime, initContainerStatuses, containerStatuses, qosClass, unknownFields);
  }

  public PodStatus withContainerStatuses(List<ContainerStatus> containerStatuses) {
    return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, podIP,
        startTime, initContainerStatuses, containerStatuses, qosClass, unknownFields);
  }

  public PodStatus withAddresses(String hostIP, String podIP) {
    return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, podIP,
        startTime, initContainerStatuses, containerStatuses, qosClass, unknownFields);
  }

  public PodStatus withStartTime(String startTime) {
    return new PodStatus(phase, conditions, message, reason, nominatedNodeName, hostIP, podIP,
        startTime, initContainerStatuses, containerStatuses, qosClass, unknownFields);
  }
}
