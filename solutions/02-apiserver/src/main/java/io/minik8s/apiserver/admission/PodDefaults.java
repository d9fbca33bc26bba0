package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Fills in what a pod spec leaves out, as the API server does for every pod it stores:
 *
 * <ul>
 *   <li>spec: {@code restartPolicy: Always}, {@code terminationGracePeriodSeconds: 30}, {@code
 *       dnsPolicy: ClusterFirst}, {@code schedulerName: default-scheduler}, {@code
 *       enableServiceLinks: true};
 *   <li>each container and init container: {@code imagePullPolicy} ({@code Always} for an image
 *       tagged {@code :latest} or not tagged at all, else {@code IfNotPresent}), {@code
 *       terminationMessagePath: /dev/termination-log}, {@code terminationMessagePolicy: File},
 *       {@code protocol: TCP} on each port, and requests copied from limits where a container
 *       sets a limit but no request;
 *   <li>on CREATE only, {@code status} is reset to {@code phase: Pending}: a client cannot create
 *       a pod that claims to be running.
 * </ul>
 *
 * A value the client set is never changed.
 *
 * <p>Upstream: {@code SetDefaults_Pod}, {@code SetDefaults_PodSpec}, {@code SetDefaults_Container}
 * in pkg/apis/core/v1/defaults.go, and the pod strategy's {@code PrepareForCreate}
 * (pkg/registry/core/pod/strategy.go).
 */
public final class PodDefaults implements MutatingAdmission {

  @Override
  public String name() {
    return "PodDefaults";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isWriteOf(request, "", "pods");
  }

  @Override
  public void admit(AdmissionRequest request) {
    ObjectNode pod = request.object().json();
    // BEGIN EXERCISE 2.4 — default the pod spec, its containers, and the phase on create
    ObjectNode spec = pod.with("spec");
    putIfAbsent(spec, "restartPolicy", "Always");
    if (!spec.has("terminationGracePeriodSeconds")) {
      spec.put("terminationGracePeriodSeconds", 30);
    }
    putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
    putIfAbsent(spec, "schedulerName", "default-scheduler");
    if (!spec.has("enableServiceLinks")) {
      spec.put("enableServiceLinks", true);
    }
    for (String list : new String[] {"containers", "initContainers"}) {
      for (JsonNode container : spec.path(list)) {
        if (container instanceof ObjectNode c) {
          defaultContainer(c);
        }
      }
    }
    if (request.operation() == Operation.CREATE) {
      pod.putObject("status").put("phase", "Pending");
    }
    // END EXERCISE 2.4
  }

  private static void defaultContainer(ObjectNode container) {
    putIfAbsent(container, "imagePullPolicy", pullPolicy(container.path("image").asText("")));
    putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
    putIfAbsent(container, "terminationMessagePolicy", "File");
    for (JsonNode port : container.path("ports")) {
      if (port instanceof ObjectNode p) {
        putIfAbsent(p, "protocol", "TCP");
      }
    }
    // A limit without a request means "request that much" (SetDefaults_Pod).
    JsonNode limits = container.path("resources").path("limits");
    if (limits.isObject() && !limits.isEmpty()) {
      ObjectNode requests = ((ObjectNode) container.get("resources")).with("requests");
      limits.fields().forEachRemaining(e -> {
        if (!requests.has(e.getKey())) {
          requests.set(e.getKey(), e.getValue().deepCopy());
        }
      });
    }
  }

  /**
   * {@code Always} when the image's tag is {@code latest} or it has neither tag nor digest (which
   * means {@code latest}); {@code IfNotPresent} otherwise. The tag is after the last {@code :}
   * that follows the last {@code /}, so {@code localhost:5000/web} has no tag.
   *
   * <p>Upstream: {@code SetDefaults_Container} with {@code parsers.ParseImageName}.
   */
  static String pullPolicy(String image) {
    // BEGIN EXERCISE 2.4 — Always for :latest or an untagged image, IfNotPresent otherwise
    String name = image;
    boolean digest = false;
    int at = name.indexOf('@');
    if (at >= 0) {
      name = name.substring(0, at);
      digest = true;
    }
    int colon = name.lastIndexOf(':');
    String tag = colon > name.lastIndexOf('/') ? name.substring(colon + 1) : "";
    if (tag.isEmpty() && !digest) {
      tag = "latest";
    }
    return tag.equals("latest") ? "Always" : "IfNotPresent";
    // END EXERCISE 2.4
  }

  private static void putIfAbsent(ObjectNode node, String field, String value) {
    if (!node.hasNonNull(field) || node.get(field).asText().isEmpty()) {
      node.put(field, value);
    }
  }
}
