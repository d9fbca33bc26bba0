package io.minik8s.objects.meta;

/**
 * What every persisted API object has: {@code apiVersion} and {@code kind} (together, upstream's
 * {@code TypeMeta}) and {@code metadata}. Pods, Deployments, Nodes and the {@link
 * io.minik8s.objects.api.GenericObject} that stands in for kinds we do not model all implement it,
 * so the store, the API server and the client can handle any object the same way.
 *
 * <p>Implementations are immutable records; {@link #withMetadata} returns a copy (records narrow
 * the return type, so {@code pod.withMetadata(m)} is a {@code Pod}).
 *
 * <p>Upstream: {@code runtime.Object} + {@code metav1.Object} in k8s.io/apimachinery.
 */
public interface KubeObject {

  /** {@code "v1"} for the core group, {@code "apps/v1"}, {@code "batch/v1"}... */
  String apiVersion();

  /** The kind in CamelCase: {@code "Pod"}, {@code "Deployment"}. */
  String kind();

  /** The object's metadata; {@code null} only in malformed input, which validation rejects. */
  ObjectMeta metadata();

  /** A copy of this object with {@code metadata} replaced. */
  KubeObject withMetadata(ObjectMeta metadata);
}
