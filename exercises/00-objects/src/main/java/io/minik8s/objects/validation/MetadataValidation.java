package io.minik8s.objects.validation;

import io.minik8s.objects.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The rules every kind shares, on its {@code metadata}: name or generateName (with the kind's
 * name rule), namespace (required or forbidden by the kind's scope), generation, labels and
 * annotations. Label maps elsewhere in an object (node selectors, service selectors, template
 * labels) follow the same rules and are checked with {@link #validateLabels}.
 *
 * <p>Upstream: ValidateObjectMeta and ValidateAnnotations in
 * k8s.io/apimachinery/pkg/api/validation/objectmeta.go, ValidateLabels in
 * k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go.
 */
final class MetadataValidation {

  private MetadataValidation() {}

  static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

  /** Missing metadata is validated as empty metadata: "name or generateName is required". */
  static ObjectMeta orEmpty(ObjectMeta meta) {
    return meta == null ? ObjectMeta.EMPTY : meta;
  }

  /**
   * Upstream's maskTrailingDash: a generateName may end in '-' (random characters follow), so
   * before checking it as a name the last two characters become "a".
   */
  static String maskTrailingDash(String name) {
    return name.length() > 1 && name.endsWith("-")
        ? name.substring(0, name.length() - 2) + "a"
        : name;
  }

  /**
   * Validates metadata (null counts as empty): {@code generateName} (if set) with {@code
   * nameRule} after {@link #maskTrailingDash}; {@code name} required unless {@code generateName}
   * is set ("name or generateName is required"), else checked with {@code nameRule}; {@code
   * namespace} required and a DNS-1123 label for namespaced kinds, forbidden ("not allowed on
   * this type") otherwise; {@code generation} not negative; labels and annotations.
   */
  static List<FieldError> validateObjectMeta(ObjectMeta metadata, boolean namespaced,
      Function<String, List<String>> nameRule, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate metadata: name, generateName, namespace, labels, annotations
    throw new UnsupportedOperationException("TODO exercise 0.4: validate metadata: name, generateName, namespace, labels, annotations");
    // END EXERCISE 0.4
  }

  /**
   * Validates a label map (also node selectors, service selectors and template labels), keys in
   * sorted order: each key must be a qualified name and each value a label value; errors are
   * reported at {@code path} itself with the key or value as the bad value.
   */
  static List<FieldError> validateLabels(Map<String, String> labels, FieldPath path) {
    // BEGIN EXERCISE 0.4 — validate label keys (qualified names) and values
    throw new UnsupportedOperationException("TODO exercise 0.4: validate label keys (qualified names) and values");
    // END EXERCISE 0.4
  }

  /**
   * Annotation keys are qualified names compared in lower case (values are free text); keys and
   * values together may not exceed 256 KiB.
   */
  static List<FieldError> validateAnnotations(Map<String, String> annotations, FieldPath path) {
    List<FieldError> errors = new ArrayList<>();
    long totalSize = 0;
    for (Map.Entry<String, String> a : new TreeMap<>(annotations).entrySet()) {
      for (String msg : NameValidation.isQualifiedName(a.getKey().toLowerCase())) {
        errors.add(FieldError.invalid(path, a.getKey(), msg));
      }
      totalSize += NameValidation.byteLength(a.getKey()) + NameValidation.byteLength(a.getValue());
    }
    if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT) {
      errors.add(FieldError.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
    }
    return errors;
  }
}
