package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills in what a Service spec leaves out: {@code type: ClusterIP}, {@code sessionAffinity:
 * None}, and on each port {@code protocol: TCP} and {@code targetPort} equal to {@code port}.
 *
 * <p>Upstream: {@code SetDefaults_Service} in pkg/apis/core/v1/defaults.go.
 */
public final class ServiceDefaults implements MutatingAdmission {

  @Override
  public String name() {
    return "ServiceDefaults";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isWriteOf(request, "", "services");
  }

  @Override
  public void admit(AdmissionRequest request) {
    ObjectNode spec = request.object().json().with("spec");
    if (spec.path("type").asText("").isEmpty()) {
      spec.put("type", "ClusterIP");
    }
    if (spec.path("sessionAffinity").asText("").isEmpty()) {
      spec.put("sessionAffinity", "None");
    }
    for (JsonNode port : spec.path("ports")) {
      if (port instanceof ObjectNode p) {
        if (p.path("protocol").asText("").isEmpty()) {
          p.put("protocol", "TCP");
        }
        if (!p.has("targetPort") && p.has("port")) {
          p.set("targetPort", p.get("port").deepCopy());
        }
      }
    }
  }
}
