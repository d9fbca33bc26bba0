package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.admission.AdmissionRequest;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.auth.authz.Authorizer;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.errors.StatusErrors;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.subresource.PodLogSource;
import io.minik8s.objects.scheme.ResourceType;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The layers the front door calls besides storage, each behind the smallest interface the
 * router needs, so each can be built, tested and replaced on its own. {@link
 * io.minik8s.apiserver.server.ApiServer} wires the real ones; tests pass fakes.
 *
 * @param authentication who sends the request (a bearer token in the Authorization header)
 * @param authorizer may they do it; a request no authorizer allows is refused with 403
 * @param admission mutating then validating admission, run on every write before storage
 * @param discovery {@code /version}, {@code /api}, {@code /apis}, {@code /api/v1}, {@code
 *     /apis/<group>/<version>}
 * @param openApi {@code /openapi/v3} and {@code /openapi/v3/<path>}
 * @param tables server-side printing for {@code Accept: application/json;as=Table;...}; null
 *     if the server cannot print (then such requests get plain JSON when the client accepts it)
 * @param patcher JSON patch, merge patch and strategic merge patch
 * @param apply server-side apply ({@code application/apply-patch+yaml})
 * @param fieldManager records in {@code metadata.managedFields} who changed which fields, on
 *     every create, update and patch that is not an apply
 * @param accessReviews SelfSubjectAccessReview ({@code kubectl auth can-i})
 * @param tokenRequests {@code serviceaccounts/token}: tokens for a ServiceAccount
 * @param podLogs where {@code pods/log} reads from
 * @param ready whether the server can serve (its store answers); {@code /readyz}
 */
public record ServerComponents(
    Authentication authentication,
    Authorizer authorizer,
    Admission admission,
    Documents discovery,
    Documents openApi,
    TableConverter tables,
    Patcher patcher,
    Apply apply,
    FieldManager fieldManager,
    AccessReviews accessReviews,
    TokenRequests tokenRequests,
    PodLogSource podLogs,
    BooleanSupplier ready) {

  /** Turns the Authorization header into a user (upstream's authentication filter). */
  @FunctionalInterface
  public interface Authentication {

    /**
     * @param authorizationHeader the header's value, or null when absent
     * @return the user; {@link UserInfo#ANONYMOUS} if anonymous requests are allowed
     * @throws ApiException 401 Unauthorized for a token nobody knows, or no token when
     *     anonymous requests are not allowed
     */
    UserInfo authenticate(String authorizationHeader);
  }

  /** The admission chain: mutating plugins, then validating ones. */
  @FunctionalInterface
  public interface Admission {

    /** @throws ApiException to reject the write */
    void admit(AdmissionRequest request);
  }

  /** Documents the server serves at fixed paths (discovery, OpenAPI). */
  @FunctionalInterface
  public interface Documents {

    /** The document at {@code path}, or empty when this component serves no such path. */
    Optional<JsonNode> get(String path);
  }

  /** Server-side printing: objects as a {@code meta.k8s.io/v1 Table}. */
  @FunctionalInterface
  public interface TableConverter {

    /** A Table with one row per object (the router fills in the list metadata). */
    ObjectNode toTable(ResourceType type, List<Unstructured> objects);
  }

  /** The patch formats besides server-side apply. */
  @FunctionalInterface
  public interface Patcher {

    /**
     * The object after applying {@code body} to (a copy of) {@code current}.
     *
     * @param contentType {@code application/json-patch+json}, {@code
     *     application/merge-patch+json} or {@code application/strategic-merge-patch+json}
     * @throws ApiException 400/422 for a patch that does not apply
     */
    Unstructured apply(String contentType, ResourceType type, Unstructured current, byte[] body);
  }

  /** Server-side apply. */
  @FunctionalInterface
  public interface Apply {

    /**
     * The object after applying the configuration {@code body} (YAML or JSON) for {@code
     * fieldManager}.
     *
     * @param current the stored object, or null when apply creates it
     * @throws ApiException 409 Conflict for fields another manager owns, unless {@code force}
     */
    Unstructured apply(ResourceType type, Unstructured current, byte[] body, String fieldManager,
        boolean force);
  }

  /** Field ownership for writes other than server-side apply. */
  @FunctionalInterface
  public interface FieldManager {

    /**
     * Records {@code manager}'s write of {@code updated} (changed in place) over {@code old}
     * (null for a create).
     */
    void recordUpdate(Unstructured old, Unstructured updated, String manager);
  }

  /** TokenRequest: a token for a ServiceAccount. */
  @FunctionalInterface
  public interface TokenRequests {

    /** The TokenRequest answered: {@code status.token} and {@code status.expirationTimestamp}. */
    ObjectNode issue(Unstructured serviceAccount, ObjectNode tokenRequest);
  }

  /** SelfSubjectAccessReview: may the caller do this? */
  @FunctionalInterface
  public interface AccessReviews {

    /** The review with its {@code status} filled in. */
    ObjectNode review(UserInfo user, ObjectNode selfSubjectAccessReview);
  }

  /**
   * Components that let everyone do everything and provide none of the optional layers: no
   * admission, no discovery, no patches. A starting point for tests ({@code with...} the parts
   * under test).
   */
  public static ServerComponents minimal() {
    return new ServerComponents(
        header -> UserInfo.ANONYMOUS,
        attributes -> Decision.allow(""),
        request -> { },
        path -> Optional.empty(),
        path -> Optional.empty(),
        null,
        (contentType, type, current, body) -> {
          throw StatusErrors.unsupportedMediaType(contentType, List.of());
        },
        (type, current, body, manager, force) -> {
          throw StatusErrors.unsupportedMediaType(MediaTypes.APPLY_PATCH, List.of());
        },
        (old, updated, manager) -> { },
        (user, review) -> {
          throw StatusErrors.pathNotFound("the server could not find the requested resource");
        },
        (account, request) -> {
          throw StatusErrors.pathNotFound("the server could not find the requested resource");
        },
        PodLogSource.NONE,
        () -> true);
  }

  public ServerComponents withAuthentication(Authentication value) {
    return new ServerComponents(value, authorizer, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withAuthorizer(Authorizer value) {
    return new ServerComponents(authentication, value, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withAdmission(Admission value) {
    return new ServerComponents(authentication, authorizer, value, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withDiscovery(Documents value) {
    return new ServerComponents(authentication, authorizer, admission, value, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withOpenApi(Documents value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, value, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withTables(TableConverter value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, value,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withPatcher(Patcher value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        value, apply, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withApply(Apply value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, value, fieldManager, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withFieldManager(FieldManager value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, apply, value, accessReviews, tokenRequests, podLogs, ready);
  }

  public ServerComponents withAccessReviews(AccessReviews value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, value, tokenRequests, podLogs, ready);
  }

  public ServerComponents withTokenRequests(TokenRequests value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, value, podLogs, ready);
  }

  public ServerComponents withPodLogs(PodLogSource value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, value, ready);
  }

  public ServerComponents withReady(BooleanSupplier value) {
    return new ServerComponents(authentication, authorizer, admission, discovery, openApi, tables,
        patcher, apply, fieldManager, accessReviews, tokenRequests, podLogs, value);
  }
}
