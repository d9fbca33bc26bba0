package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.objects.api.core.Taint;

/**
 * Gives every pod 300 seconds of tolerance for its node being not ready or unreachable, unless it
 * tolerates those taints itself. So when a node stops heartbeating, the node lifecycle
 * controller (module 04) taints it {@code NoExecute} at once, but its pods are evicted only five
 * minutes later: a network blip does not reschedule a whole node's worth of pods.
 *
 * <p>Upstream: plugin/pkg/admission/defaulttolerationseconds/admission.go (flags
 * {@code --default-not-ready-toleration-seconds} and
 * {@code --default-unreachable-toleration-seconds}, both 300).
 */
public final class DefaultTolerationSeconds implements MutatingAdmission {

  static final long SECONDS = 300;

  @Override
  public String name() {
    return "DefaultTolerationSeconds";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isWriteOf(request, "", "pods");
  }

  @Override
  public void admit(AdmissionRequest request) {
    ObjectNode spec = request.object().json().with("spec");
    boolean notReady = false;
    boolean unreachable = false;
    for (JsonNode toleration : spec.path("tolerations")) {
      notReady |= coversNoExecute(toleration, Taint.NOT_READY);
      unreachable |= coversNoExecute(toleration, Taint.UNREACHABLE);
    }
    if (!notReady) {
      tolerations(spec).add(toleration(Taint.NOT_READY));
    }
    if (!unreachable) {
      tolerations(spec).add(toleration(Taint.UNREACHABLE));
    }
  }

  /** An empty key or effect matches every key or effect, as in upstream's check. */
  private static boolean coversNoExecute(JsonNode toleration, String key) {
    String k = toleration.path("key").asText("");
    String effect = toleration.path("effect").asText("");
    return (k.isEmpty() || k.equals(key)) && (effect.isEmpty() || effect.equals(Taint.NO_EXECUTE));
  }

  private static ArrayNode tolerations(ObjectNode spec) {
    return spec.path("tolerations").isArray() ? (ArrayNode) spec.get("tolerations") : spec.putArray("tolerations");
  }

  private static ObjectNode toleration(String key) {
    ObjectNode t = JsonNodeFactory.instance.objectNode();
    t.put("key", key);
    t.put("operator", "Exists");
    t.put("effect", Taint.NO_EXECUTE);
    t.put("tolerationSeconds", SECONDS);
    return t;
  }
}
