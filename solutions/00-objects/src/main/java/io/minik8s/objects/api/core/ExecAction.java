package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * Probe by running a command inside the container: exit status 0 is success.
 *
 * <p>Upstream: {@code v1.ExecAction}.
 */
public record ExecAction(List<String> command, @UnknownFields Map<String, JsonNode> unknownFields) {

  public ExecAction {
    command = Copies.list(command);
    unknownFields = Copies.unknown(unknownFields);
  }

  public ExecAction(List<String> command) {
    this(command, Map.of());
  }
}
