package io.minik8s.apiserver.admission;

import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.ResourceType;

/**
 * What admission plugins see of a write: the operation, the object as it will be stored (a
 * mutating plugin changes it in place), the object as it is stored now (for updates and
 * deletes), and who asks.
 *
 * <p>Upstream: {@code admission.Attributes} in k8s.io/apiserver/pkg/admission/interfaces.go.
 *
 * @param subresource {@code ""} for the object itself, else e.g. {@code status}
 * @param namespace {@code ""} for cluster-scoped resources
 * @param object the new object; {@code null} for DELETE
 * @param oldObject the stored object; {@code null} for CREATE
 */
public record AdmissionRequest(
    Operation operation,
    ResourceType type,
    String subresource,
    String namespace,
    String name,
    Unstructured object,
    Unstructured oldObject,
    UserInfo user,
    boolean dryRun) {}
