package io.minik8s.apiserver.auth.authz;

import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.request.RequestInfo;

/**
 * One question to an {@link Authorizer}: may {@code user} do {@code request}? RBAC reads the
 * verb, group, resource, subresource, namespace and name for resource requests, and the path
 * and verb for non-resource ones.
 *
 * <p>Upstream: {@code authorizer.AttributesRecord}.
 */
public record Attributes(UserInfo user, RequestInfo request) {}
