package io.minik8s.apiserver.auth.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.auth.authz.Attributes;
import io.minik8s.apiserver.auth.authz.Authorizer;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.objects.validation.FieldError;
import io.minik8s.objects.validation.FieldPath;
import io.minik8s.objects.validation.InvalidObject;
import java.util.List;

/**
 * Answers "may I?" questions: a {@code SelfSubjectAccessReview} (authorization.k8s.io/v1)
 * asks whether the requesting user may do what {@code spec.resourceAttributes} ({@code verb,
 * group, resource, subresource, namespace, name}) or {@code spec.nonResourceAttributes} ({@code
 * path, verb}) describe, and gets the review back with {@code status.allowed} (and {@code
 * denied}, {@code reason}). {@code kubectl auth can-i list pods} posts one to
 * {@code /apis/authorization.k8s.io/v1/selfsubjectaccessreviews} and prints yes or no. The
 * review is not stored.
 *
 * <p>Upstream: pkg/registry/authorization/selfsubjectaccessreview/rest.go.
 */
public final class AccessReviews {

  public static final String API_VERSION = "authorization.k8s.io/v1";
  public static final String KIND = "SelfSubjectAccessReview";

  private final Authorizer authorizer;

  public AccessReviews(Authorizer authorizer) {
    this.authorizer = authorizer;
  }

  /**
   * The review answered for {@code user}.
   *
   * @throws ApiException 422 Invalid unless exactly one of resourceAttributes and
   *     nonResourceAttributes is given
   */
  public ObjectNode review(UserInfo user, ObjectNode ssarBody) {
    // BEGIN EXERCISE 2.5 — turn the spec's attributes into a request, authorize it, fill status
    JsonNode resource = ssarBody.path("spec").path("resourceAttributes");
    JsonNode nonResource = ssarBody.path("spec").path("nonResourceAttributes");
    if (resource.isObject() == nonResource.isObject()) {
      FieldError error = resource.isObject()
          ? FieldError.invalid(FieldPath.of("spec", "nonResourceAttributes"), nonResource,
              "cannot be specified in combination with resourceAttributes")
          : FieldError.invalid(FieldPath.of("spec", "resourceAttributes"), null,
              "exactly one of nonResourceAttributes or resourceAttributes must be specified");
      throw new ApiException(InvalidObject.status("authorization.k8s.io", KIND, "",
          List.of(error)));
    }
    RequestInfo request = resource.isObject()
        ? new RequestInfo(true, "", text(resource, "verb"), text(resource, "group"),
            text(resource, "version"), text(resource, "namespace"), text(resource, "resource"),
            text(resource, "subresource"), text(resource, "name"))
        : RequestInfo.nonResource(text(nonResource, "path"), text(nonResource, "verb"));
    Decision decision = authorizer.authorize(new Attributes(user, request));
    ObjectNode answer = ssarBody.deepCopy();
    answer.put("apiVersion", API_VERSION);
    answer.put("kind", KIND);
    if (!answer.path("metadata").isObject()) {
      answer.putObject("metadata");
    }
    ObjectNode status = answer.putObject("status");
    status.put("allowed", decision.allowed());
    if (decision.kind() == Decision.Kind.DENY) {
      status.put("denied", true);
    }
    if (decision.reason() != null && !decision.reason().isEmpty()) {
      status.put("reason", decision.reason());
    }
    return answer;
    // END EXERCISE 2.5
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("");
  }
}
