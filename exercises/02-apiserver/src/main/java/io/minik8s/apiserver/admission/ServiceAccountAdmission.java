package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.ResourceType;

/**
 * Gives every new pod an identity: a pod without {@code spec.serviceAccountName} runs as {@code
 * default} (mutating), and the named ServiceAccount must exist in the pod's namespace
 * (validating), else 403 Forbidden: {@code pods "web" is forbidden: error looking up service
 * account team-a/robot: serviceaccount "robot" not found}. Only pod creation is checked: a pod's
 * service account cannot change afterwards.
 *
 * <p>Upstream: plugin/pkg/admission/serviceaccount/admission.go (which also mounts the token
 * volume; the course's kubelet does not need one).
 */
public final class ServiceAccountAdmission implements MutatingAdmission, ValidatingAdmission {

  static final String DEFAULT = "default";

  private final Registries registries;
  private final ResourceType serviceAccounts = Requests.builtIn("", "serviceaccounts");

  public ServiceAccountAdmission(Registries registries) {
    this.registries = registries;
  }

  @Override
  public String name() {
    return "ServiceAccount";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return Requests.isMain(request, "", "pods") && request.operation() == Operation.CREATE;
  }

  @Override
  public void admit(AdmissionRequest request) {
    // BEGIN EXERCISE 2.4 — default spec.serviceAccountName to "default"
    throw new UnsupportedOperationException("TODO exercise 2.4: default spec.serviceAccountName to \"default\"");
    // END EXERCISE 2.4
  }

  @Override
  public void validate(AdmissionRequest request) {
    // BEGIN EXERCISE 2.4 — the pod's ServiceAccount must exist, else 403 like upstream
    throw new UnsupportedOperationException("TODO exercise 2.4: the pod's ServiceAccount must exist, else 403 like upstream");
    // END EXERCISE 2.4
  }
}
