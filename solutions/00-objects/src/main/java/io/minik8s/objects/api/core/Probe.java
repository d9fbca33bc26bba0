package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A health check the kubelet runs against a container: exactly one of {@code httpGet}, {@code
 * exec} or {@code tcpSocket}, and its timing. Defaults (applied by the kubelet when null):
 * {@code periodSeconds} 10, {@code timeoutSeconds} 1, {@code successThreshold} 1, {@code
 * failureThreshold} 3.
 *
 * <p>Upstream: {@code v1.Probe} with its embedded {@code ProbeHandler}.
 */
public record Probe(
    HttpGetAction httpGet,
    ExecAction exec,
    TcpSocketAction tcpSocket,
    Integer initialDelaySeconds,
    Integer timeoutSeconds,
    Integer periodSeconds,
    Integer successThreshold,
    Integer failureThreshold,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public Probe {
    unknownFields = Copies.unknown(unknownFields);
  }

  /** An HTTP GET probe of {@code path} on {@code port}, every {@code periodSeconds}. */
  public static Probe httpGet(String path, IntOrString port, int periodSeconds) {
    return new Probe(new HttpGetAction(path, port, null, null, null), null, null, null, null,
        periodSeconds, null, null, null);
  }
}
