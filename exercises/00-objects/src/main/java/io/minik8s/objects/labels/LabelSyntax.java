package io.minik8s.objects.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax of label keys and values, shared by the selector parser and by object validation.
 *
 * <ul>
 *   <li>A key is an optional prefix and a name separated by {@code /}: {@code app},
 *       {@code app.kubernetes.io/name}. The name is 1–63 characters of {@code [A-Za-z0-9-_.]},
 *       starting and ending with an alphanumeric; the prefix is a DNS subdomain (lower case, dots,
 *       at most 253 characters).
 *   <li>A value is empty, or 1–63 characters following the same rule as a name.
 * </ul>
 *
 * <p>Each check returns the list of problems, empty when the input is valid, like upstream.
 *
 * <p>Upstream: {@code IsLabelKey} and {@code IsLabelValue} in
 * k8s.io/apimachinery/pkg/api/validate/content/kube.go.
 */
public final class LabelSyntax {

  public static final int MAX_NAME_LENGTH = 63;
  public static final int MAX_PREFIX_LENGTH = 253;
  public static final int MAX_VALUE_LENGTH = 63;

  static final String NAME_RULE =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";

  private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern DNS_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private LabelSyntax() {}

  /** Problems with {@code key} as a label key; empty if it is valid. */
  public static List<String> keyErrors(String key) {
    List<String> errors = new ArrayList<>();
    String[] parts = key.split("/", -1);
    if (parts.length > 2) {
      errors.add("a label key is a name with an optional DNS subdomain prefix and '/' (e.g."
          + " 'example.com/MyName'); the name " + NAME_RULE);
      return errors;
    }
    String name = parts[parts.length - 1];
    if (parts.length == 2) {
      String prefix = parts[0];
      if (prefix.isEmpty()) {
        errors.add("prefix part must not be empty");
      } else if (prefix.length() > MAX_PREFIX_LENGTH) {
        errors.add("prefix part must be no more than " + MAX_PREFIX_LENGTH + " characters");
      } else if (!DNS_SUBDOMAIN.matcher(prefix).matches()) {
        errors.add("prefix part must be a lowercase DNS subdomain (e.g. 'example.com')");
      }
    }
    if (name.isEmpty()) {
      errors.add("name part must not be empty");
    } else if (name.length() > MAX_NAME_LENGTH) {
      errors.add("name part must be no more than " + MAX_NAME_LENGTH + " characters");
    } else if (!NAME.matcher(name).matches()) {
      errors.add("name part " + NAME_RULE + " (e.g. 'MyName', 'my.name' or '123-abc')");
    }
    return errors;
  }

  /** Problems with {@code value} as a label value; empty if it is valid (the empty string is). */
  public static List<String> valueErrors(String value) {
    List<String> errors = new ArrayList<>();
    if (value.length() > MAX_VALUE_LENGTH) {
      errors.add("must be no more than " + MAX_VALUE_LENGTH + " characters");
    } else if (!value.isEmpty() && !NAME.matcher(value).matches()) {
      errors.add("a label value must be empty or " + NAME_RULE + " (e.g. 'MyValue', 'my_value' or '12345')");
    }
    return errors;
  }

  public static boolean isValidKey(String key) {
    return keyErrors(key).isEmpty();
  }

  public static boolean isValidValue(String value) {
    return valueErrors(value).isEmpty();
  }
}
