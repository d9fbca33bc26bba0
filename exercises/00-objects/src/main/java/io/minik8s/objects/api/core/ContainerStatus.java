package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The kubelet's view of one container: its current and previous state, readiness and restart
 * count.
 *
 * <p>Upstream: {@code v1.ContainerStatus}.
 */
public record ContainerStatus(
    String name,
    ContainerState state,
    ContainerState lastState,
    Boolean ready,
    Integer restartCount,
    String image,
    String imageID,
    String containerID,
    Boolean started,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public ContainerStatus {
    unknownFields = Copies.unknown(unknownFields);
  }

  public ContainerStatus(
      String name, ContainerState state, boolean ready, int restartCount, String image) {
    this(name, state, null, ready, restartCount, image, null, null, null, Map.of());
  }
}
