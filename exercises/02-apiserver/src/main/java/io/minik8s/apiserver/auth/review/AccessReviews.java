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
    throw new UnsupportedOperationException("TODO exercise 2.5: turn the spec's attributes into a request, authorize it, fill status");
    // END EXERCISE 2.5
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).asText("");
  }
}
