package io.minik8s.apiserver.admission;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.Registries;
import io.minik8s.objects.scheme.ResourceType;
import java.util.Set;

/**
 * Keeps namespaced objects inside namespaces that exist and are not going away:
 *
 * <ul>
 *   <li>creating or updating an object in a namespace that does not exist: 404 NotFound {@code
 *       namespaces "team-a" not found};
 *   <li>creating one in a namespace being deleted ({@code status.phase: Terminating}, or a
 *       {@code deletionTimestamp}): 403 Forbidden {@code pods "web" is forbidden: unable to
 *       create new content in namespace team-a because it is being terminated} (the namespace
 *       controller is emptying it; a new object would keep it alive forever);
 *   <li>deleting {@code default}, {@code kube-system} or {@code kube-public}: 403 Forbidden
 *       {@code namespaces "default" is forbidden: this namespace may not be deleted}.
 * </ul>
 *
 * Deleting objects is always allowed, so a terminating namespace can be emptied.
 *
 * <p>Upstream: plugin/pkg/admission/namespace/lifecycle/admission.go.
 */
public final class NamespaceLifecycle implements ValidatingAdmission {

  /** The namespaces that always exist. */
  public static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");

  private final Registries registries;
  private final ResourceType namespaces = Requests.builtIn("", "namespaces");

  public NamespaceLifecycle(Registries registries) {
    this.registries = registries;
  }

  @Override
  public String name() {
    return "NamespaceLifecycle";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    return request.operation() != Operation.CONNECT;
  }

  @Override
  public void validate(AdmissionRequest request) {
    // BEGIN EXERCISE 2.4 — refuse deleting immortal namespaces and writing into missing or terminating ones
    throw new UnsupportedOperationException("TODO exercise 2.4: refuse deleting immortal namespaces and writing into missing or terminating ones");
    // END EXERCISE 2.4
  }
}
