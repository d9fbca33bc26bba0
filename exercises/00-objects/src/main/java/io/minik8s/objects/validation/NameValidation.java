package io.minik8s.objects.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The syntax rules for names, label keys and values, ports and config keys. Each check returns
 * the list of problems, empty when the value is valid, with the exact messages of the Kubernetes
 * API server, so a user sees the same text from minik8s as from a real cluster.
 *
 * <p>Which rule applies where: most object names are DNS-1123 subdomains (Pods, Deployments,
 * ConfigMaps...); Namespace names and container names are DNS-1123 labels; Service names are
 * DNS-1035 labels (they become DNS names and must start with a letter); label and annotation
 * keys are qualified names.
 *
 * <p>Upstream: k8s.io/apimachinery/pkg/util/validation/validation.go and, for label keys and
 * values, pkg/api/validate/content/kube.go. Note the two length messages: the older file says
 * "characters", the newer content package says "bytes"; we copy each where upstream uses it.
 */
public final class NameValidation {

  private NameValidation() {}

  static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1123_LABEL_ERR_MSG =
      "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
          + " and must start and end with an alphanumeric character";
  public static final int DNS1123_LABEL_MAX_LENGTH = 63;
  static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);

  static final String DNS1123_SUBDOMAIN_FMT =
      DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
  static final String DNS1123_SUBDOMAIN_ERR_MSG =
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-'"
          + " or '.', and must start and end with an alphanumeric character";
  public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
  static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

  static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";
  static final String DNS1035_LABEL_ERR_MSG =
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an"
          + " alphabetic character, and end with an alphanumeric character";
  public static final int DNS1035_LABEL_MAX_LENGTH = 63;
  static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

  static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
  static final String QUALIFIED_NAME_ERR_MSG =
      "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an"
          + " alphanumeric character";
  public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
  static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);

  static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";
  static final String LABEL_VALUE_ERR_MSG =
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
          + " '.', and must start and end with an alphanumeric character";
  public static final int LABEL_VALUE_MAX_LENGTH = 63;
  static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

  static final String CONFIG_MAP_KEY_FMT = "[-._a-zA-Z0-9]+";
  static final String CONFIG_MAP_KEY_ERR_MSG =
      "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  static final Pattern CONFIG_MAP_KEY = Pattern.compile(CONFIG_MAP_KEY_FMT);

  static final String PERCENT_FMT = "[0-9]+%";
  static final String PERCENT_ERR_MSG =
      "a valid percent string must be a numeric string followed by an ending '%'";
  static final Pattern PERCENT = Pattern.compile(PERCENT_FMT);

  private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
  private static final Pattern PORT_NAME_ONE_LETTER = Pattern.compile(".*[a-z].*");

  /** {@code "must be no more than 63 characters"} (util/validation's MaxLenError). */
  static String maxLenError(int length) {
    return "must be no more than " + length + " characters";
  }

  /** {@code "must be no more than 63 bytes"} (the content package's MaxLenError). */
  static String maxLenBytesError(int length) {
    return "must be no more than " + length + " bytes";
  }

  /** {@code "must be between 1 and 65535, inclusive"}. */
  static String inclusiveRangeError(long lo, long hi) {
    return "must be between " + lo + " and " + hi + ", inclusive";
  }

  /**
   * {@code msg (e.g. 'my-name',  or '123-abc', regex used for validation is '...')}: the message
   * followed by examples and the regex, as upstream's {@code RegexError}. Yes, with {@code ", "}
   * after every example and then {@code " or "}: that double space is in every real Kubernetes
   * message, and users (and tests) compare these strings.
   */
  static String regexError(String msg, String fmt, String... examples) {
    if (examples.length == 0) {
      return msg + " (regex used for validation is '" + fmt + "')";
    }
    StringBuilder s = new StringBuilder(msg).append(" (e.g. ");
    for (int i = 0; i < examples.length; i++) {
      if (i > 0) {
        s.append(" or ");
      }
      s.append('\'').append(examples[i]).append("', ");
    }
    return s.append("regex used for validation is '").append(fmt).append("')").toString();
  }

  /** Lengths are in bytes, as Go's {@code len(string)}: a non-ASCII character counts several. */
  static int byteLength(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /**
   * A name that is safe as one segment of a URL path, the rule for RBAC objects (so {@code
   * system:discovery} is fine): not {@code .} or {@code ..}, and no {@code /} or {@code %}.
   *
   * <p>Upstream: {@code IsValidPathSegmentName} in
   * k8s.io/apimachinery/pkg/api/validation/path/name.go.
   */
  public static List<String> isValidPathSegmentName(String value) {
    if (value.equals(".") || value.equals("..")) {
      return List.of("may not be '" + value + "'");
    }
    List<String> errors = new ArrayList<>();
    for (String illegal : List.of("/", "%")) {
      if (value.contains(illegal)) {
        errors.add("may not contain '" + illegal + "'");
      }
    }
    return errors;
  }

  /**
   * A DNS-1123 label (RFC 1123): at most 63 characters, lower case alphanumerics and '-',
   * starting and ending alphanumeric, e.g. {@code my-name}. A value that would be a valid
   * subdomain but contains dots gets the specific message {@code "must not contain dots"}.
   */
  public static List<String> isDns1123Label(String value) {
    // BEGIN EXERCISE 0.4 — check a DNS-1123 label (length, pattern, the special message for dots)
    throw new UnsupportedOperationException("TODO exercise 0.4: check a DNS-1123 label (length, pattern, the special message for dots)");
    // END EXERCISE 0.4
  }

  /**
   * A DNS-1123 subdomain: at most 253 characters, dot-separated DNS-1123 labels, e.g. {@code
   * example.com}.
   */
  public static List<String> isDns1123Subdomain(String value) {
    // BEGIN EXERCISE 0.4 — check a DNS-1123 subdomain (length and pattern)
    throw new UnsupportedOperationException("TODO exercise 0.4: check a DNS-1123 subdomain (length and pattern)");
    // END EXERCISE 0.4
  }

  /**
   * A DNS-1035 label (RFC 1035), used for Service names: like a DNS-1123 label but starting with
   * a letter, e.g. {@code my-name}, not {@code 123-abc}.
   */
  public static List<String> isDns1035Label(String value) {
    // BEGIN EXERCISE 0.4 — check a DNS-1035 label (length and pattern)
    throw new UnsupportedOperationException("TODO exercise 0.4: check a DNS-1035 label (length and pattern)");
    // END EXERCISE 0.4
  }

  /**
   * A qualified name, the syntax of label and annotation keys: an optional prefix and a name
   * separated by {@code /}. The prefix must be a DNS-1123 subdomain; the name at most 63 bytes
   * of alphanumerics, '-', '_' and '.', starting and ending alphanumeric. Prefix problems are
   * reported as {@code "prefix part " + message}, name problems as {@code "name part " +
   * message}; more than one {@code /} gives a single message describing the whole format.
   */
  public static List<String> isQualifiedName(String value) {
    // BEGIN EXERCISE 0.4 — check a qualified name: optional DNS prefix, '/', and a name part
    throw new UnsupportedOperationException("TODO exercise 0.4: check a qualified name: optional DNS prefix, '/', and a name part");
    // END EXERCISE 0.4
  }

  /**
   * The label-key prefix check: {@link #isDns1123Subdomain} with the content package's "bytes"
   * length message.
   */
  static List<String> isDns1123SubdomainBytes(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errors.add(maxLenBytesError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
      errors.add(regexError(DNS1123_SUBDOMAIN_ERR_MSG, DNS1123_SUBDOMAIN_FMT, "example.com"));
    }
    return errors;
  }

  /**
   * A label value: empty, or at most 63 bytes of alphanumerics, '-', '_' and '.', starting and
   * ending alphanumeric.
   */
  public static List<String> isValidLabelValue(String value) {
    // BEGIN EXERCISE 0.4 — check a label value (may be empty)
    throw new UnsupportedOperationException("TODO exercise 0.4: check a label value (may be empty)");
    // END EXERCISE 0.4
  }

  /** A port number: 1 to 65535. */
  public static List<String> isValidPortNum(long port) {
    return 1 <= port && port <= 65535 ? List.of() : List.of(inclusiveRangeError(1, 65535));
  }

  /**
   * A port name (IANA service name): at most 15 characters of {@code [-a-z0-9]}, at least one
   * letter, no leading, trailing or doubled hyphen, e.g. {@code http}.
   */
  public static List<String> isValidPortName(String port) {
    List<String> errors = new ArrayList<>();
    if (byteLength(port) > 15) {
      errors.add(maxLenError(15));
    }
    if (!PORT_NAME_CHARSET.matcher(port).matches()) {
      errors.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
    }
    if (!PORT_NAME_ONE_LETTER.matcher(port).matches()) {
      errors.add("must contain at least one letter (a-z)");
    }
    if (port.contains("--")) {
      errors.add("must not contain consecutive hyphens");
    }
    if (!port.isEmpty() && (port.startsWith("-") || port.endsWith("-"))) {
      errors.add("must not begin or end with a hyphen");
    }
    return errors;
  }

  /**
   * A ConfigMap or Secret key: at most 253 characters of alphanumerics, '-', '_' and '.', and
   * not {@code .}, {@code ..} or starting with {@code ..}.
   */
  public static List<String> isConfigMapKey(String value) {
    List<String> errors = new ArrayList<>();
    if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
      errors.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
    }
    if (!CONFIG_MAP_KEY.matcher(value).matches()) {
      errors.add(regexError(CONFIG_MAP_KEY_ERR_MSG, CONFIG_MAP_KEY_FMT,
          "key.name", "KEY_NAME", "key-name"));
    }
    if (value.equals(".")) {
      errors.add("must not be '.'");
    } else if (value.equals("..")) {
      errors.add("must not be '..'");
    } else if (value.startsWith("..")) {
      errors.add("must not start with '..'");
    }
    return errors;
  }

  /** A percentage such as {@code 25%}. */
  public static List<String> isValidPercent(String value) {
    return PERCENT.matcher(value).matches()
        ? List.of()
        : List.of(regexError(PERCENT_ERR_MSG, PERCENT_FMT, "1%", "93%"));
  }
}
