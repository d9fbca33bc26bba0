package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A container's state: exactly one of {@code waiting} (e.g. reason {@code ContainerCreating} or
 * {@code CrashLoopBackOff}), {@code running} or {@code terminated} (with its exit code).
 *
 * <p>Upstream: {@code v1.ContainerState} and its three variants.
 */
public record ContainerState(
    Waiting waiting,
    Running running,
    Terminated terminated,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ContainerState {
    unknownFields = Copies.unknown(unknownFields);
  }

  public static ContainerState waiting(String reason, String message) {
    return new ContainerState(new Waiting(reason, message, null), null, null, null);
  }

  public static ContainerState running(String startedAt) {
    return new ContainerState(null, new Running(startedAt, null), null, null);
  }

  public static ContainerState terminated(
      int exitCode, String reason, String startedAt, String finishedAt) {
    return new ContainerState(
        null, null, new Terminated(exitCode, null, reason, null, startedAt, finishedAt, null, null),
        null);
  }

  /** Upstream: {@code v1.ContainerStateWaiting}. */
  public record Waiting(
      String reason, String message, @UnknownFields Map<String, JsonNode> unknownFields) {
    public Waiting {
      unknownFields = Copies.unknown(unknownFields);
    }
  }

  /** Upstream: {@code v1.ContainerStateRunning}. */
  public record Running(String startedAt, @UnknownFields Map<String, JsonNode> unknownFields) {
    public Running {
      unknownFields = Copies.unknown(unknownFields);
    }
  }

  /** Upstream: {@code v1.ContainerStateTerminated}. */
  public record Terminated(
      Integer exitCode,
      Integer signal,
      String reason,
      String message,
      String startedAt,
      String finishedAt,
      String containerID,
      @UnknownFields Map<String, JsonNode> unknownFields) {
    public Terminated {
      unknownFields = Copies.unknown(unknownFields);
    }
  }
}
