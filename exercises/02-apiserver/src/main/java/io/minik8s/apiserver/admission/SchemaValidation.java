package io.minik8s.apiserver.admission;

import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.objects.manifest.Codec;
import io.minik8s.objects.manifest.ManifestException;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.Validator;
import java.util.List;

/**
 * Checks the final object against its kind's rules (module 00's {@link Validator}): 422 Invalid
 * with one cause per broken field, e.g. {@code Pod "web" is invalid:
 * spec.containers[0].image: Required value}. A body that does not even fit the kind's shape
 * (a string where a number belongs) is 400 BadRequest, as upstream's decoder answers.
 *
 * <p>Upstream: not an admission plugin but the strategy's {@code Validate}/{@code
 * ValidateUpdate}, which the generic registry calls after mutating admission
 * (k8s.io/apiserver/pkg/registry/rest/create.go {@code BeforeCreate}).
 */
public final class SchemaValidation implements ValidatingAdmission {

  @Override
  public String name() {
    return "SchemaValidation";
  }

  @Override
  public boolean handles(AdmissionRequest request) {
    // a subresource other than status carries another kind (a Binding, an Eviction, a Scale):
    // the schema of the resource it is addressed to does not apply to it
    boolean objectItself = request.subresource().isEmpty() || request.subresource().equals("status");
    return request.object() != null && objectItself
        && (request.operation() == Operation.CREATE || request.operation() == Operation.UPDATE);
  }

  @Override
  public void validate(AdmissionRequest request) {
    // BEGIN EXERCISE 2.4 — decode into the typed record, validate, answer 422 with every error
    throw new UnsupportedOperationException("TODO exercise 2.4: decode into the typed record, validate, answer 422 with every error");
    // END EXERCISE 2.4
  }
}
