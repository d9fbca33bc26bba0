package io.minik8s.objects.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules for a ConfigMap's content: its keys become file names when the ConfigMap is mounted
 * as a volume, so each must be a valid config key (letters, digits, '-', '_', '.'), and a key may
 * be in {@code data} or in {@code binaryData}, never in both. Values are not checked here.
 *
 * <p>Upstream: ValidateConfigMap in k8s.io/kubernetes/pkg/apis/core/validation/validation.go
 * (keys checked by IsConfigMapKey in k8s.io/apimachinery/pkg/util/validation/validation.go).
 */
final class ConfigMapValidation {

  private ConfigMapValidation() {}

  /**
   * Validates ConfigMap keys, sorted, in {@code data} then {@code binaryData}: each a valid
   * config key (reported at {@code data[key]} with the key as bad value), and no key in both
   * ("duplicate of key present in binaryData" / "duplicate of key present in data").
   */
  static List<FieldError> validateConfigMapData(
      Map<String, String> data, Map<String, String> binaryData) {
    // BEGIN EXERCISE 0.4 — validate ConfigMap keys in data and binaryData
    List<FieldError> errors = new ArrayList<>();
    for (String key : new TreeMap<>(data).keySet()) {
      FieldPath keyPath = FieldPath.of("data").key(key);
      NameValidation.isConfigMapKey(key).forEach(msg ->
          errors.add(FieldError.invalid(keyPath, key, msg)));
      if (binaryData.containsKey(key)) {
        errors.add(FieldError.invalid(keyPath, key, "duplicate of key present in binaryData"));
      }
    }
    for (String key : new TreeMap<>(binaryData).keySet()) {
      FieldPath keyPath = FieldPath.of("binaryData").key(key);
      NameValidation.isConfigMapKey(key).forEach(msg ->
          errors.add(FieldError.invalid(keyPath, key, msg)));
      if (data.containsKey(key)) {
        errors.add(FieldError.invalid(keyPath, key, "duplicate of key present in data"));
      }
    }
    return errors;
    // END EXERCISE 0.4
  }
}
