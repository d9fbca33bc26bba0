package io.minik8s.objects.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metadata every persisted object carries. Users set {@code name} (or {@code generateName}),
 * {@code namespace}, {@code labels} and {@code annotations}; the API server sets {@code uid},
 * {@code resourceVersion}, {@code generation} and {@code creationTimestamp}; controllers set
 * {@code ownerReferences}; deletion sets {@code deletionTimestamp} while {@code finalizers} remain.
 *
 * <p>Timestamps are RFC 3339 strings (see {@link Timestamps}); collections are never null.
 * Fields we do not model ({@code managedFields}, {@code selfLink}...) stay in {@code
 * unknownFields}.
 *
 * <p>Upstream: {@code metav1.ObjectMeta} in k8s.io/apimachinery/pkg/apis/meta/v1/types.go.
 */
public record ObjectMeta(
    String name,
    String generateName,
    String namespace,
    String uid,
    String resourceVersion,
    Long generation,
    String creationTimestamp,
    String deletionTimestamp,
    Long deletionGracePeriodSeconds,
    Map<String, String> labels,
    Map<String, String> annotations,
    List<OwnerReference> ownerReferences,
    List<String> finalizers,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  /** Metadata with nothing set. */
  public static final ObjectMeta EMPTY = named(null);

  public ObjectMeta {
    labels = Copies.map(labels);
    annotations = Copies.map(annotations);
    ownerReferences = Copies.list(ownerReferences);
    finalizers = Copies.list(finalizers);
    unknownFields = Copies.unknown(unknownFields);
  }

  /** Metadata of a cluster-scoped object (or one whose namespace the server fills in). */
  public static ObjectMeta named(String name) {
    return named(null, name);
  }

  /** Metadata of a namespaced object. */
  public static ObjectMeta named(String namespace, String name) {
    return new ObjectMeta(
        name, null, namespace, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** The owner reference with {@code controller: true}, if any. */
  public Optional<OwnerReference> controllerRef() {
    return ownerReferences.stream().filter(OwnerReference::isControllerRef).findFirst();
  }

  public ObjectMeta withName(String name) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withGenerateName(String generateName) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withNamespace(String namespace) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withUid(String uid) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withResourceVersion(String resourceVersion) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withGeneration(Long generation) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withCreationTimestamp(String creationTimestamp) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withDeletionTimestamp(String deletionTimestamp) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withDeletionGracePeriodSeconds(Long deletionGracePeriodSeconds) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withLabels(Map<String, String> labels) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withAnnotations(Map<String, String> annotations) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withOwnerReferences(List<OwnerReference> ownerReferences) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }

  public ObjectMeta withFinalizers(List<String> finalizers) {
    return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation,
        creationTimestamp, deletionTimestamp, deletionGracePeriodSeconds, labels, annotations,
        ownerReferences, finalizers, unknownFields);
  }
}
