package io.minik8s.objects.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages are Kubernetes' own (k8s.io/apimachinery/pkg/util/validation/validation.go). */
class NameValidationTest {

  static final String SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case"
      + " alphanumeric characters, '-' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'example.com', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  static final String LABEL_MSG = "a lowercase RFC 1123 label must consist of lower case"
      + " alphanumeric characters or '-', and must start and end with an alphanumeric character"
      + " (e.g. 'my-name',  or '123-abc', regex used for validation is"
      + " '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  static final String DNS1035_MSG = "a DNS-1035 label must consist of lower case alphanumeric"
      + " characters or '-', start with an alphabetic character, and end with an alphanumeric"
      + " character (e.g. 'my-name',  or 'abc-123', regex used for validation is"
      + " '[a-z]([-a-z0-9]*[a-z0-9])?')";
  static final String NAME_PART_MSG = "name part must consist of alphanumeric characters, '-',"
      + " '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or"
      + " 'my.name',  or '123-abc', regex used for validation is"
      + " '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  static final String LABEL_VALUE_MSG = "a valid label must be an empty string or consist of"
      + " alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric"
      + " character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is"
      + " '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"a", "web", "my-app-2", "0", "123-abc", "example.com", "a.b.c"})
  @Graded(exercise = "0.4", points = 1)
  void validSubdomainsHaveNoErrors(String name) {
    assertThat(NameValidation.isDns1123Subdomain(name)).as("isDns1123Subdomain(%s)", name).isEmpty();
  }

  static Stream<Arguments> invalidNames() {
    String long64 = "a".repeat(64);
    return Stream.of(
        Arguments.of("subdomain with capitals", "subdomain", "Foo", List.of(SUBDOMAIN_MSG)),
        Arguments.of("subdomain ending in dash", "subdomain", "web-", List.of(SUBDOMAIN_MSG)),
        Arguments.of("subdomain of 254", "subdomain", "a".repeat(254),
            List.of("must be no more than 253 characters")),
        Arguments.of("label with dots", "label", "a.b", List.of("must not contain dots")),
        Arguments.of("label with underscore", "label", "my_app", List.of(LABEL_MSG)),
        Arguments.of("label of 64", "label", long64, List.of("must be no more than 63 characters")),
        Arguments.of("1035 starting with digit", "dns1035", "1abc", List.of(DNS1035_MSG)),
        Arguments.of("qualified name with bad name part", "qualified", "-app", List.of(NAME_PART_MSG)),
        Arguments.of("qualified name with empty prefix", "qualified", "/app",
            List.of("prefix part must be non-empty")),
        Arguments.of("qualified name with bad prefix", "qualified", "Example.com/app",
            List.of("prefix part " + SUBDOMAIN_MSG)),
        Arguments.of("qualified name with long name part", "qualified", "x/" + long64,
            List.of("name part must be no more than 63 bytes")),
        Arguments.of("label value with space", "value", "a b", List.of(LABEL_VALUE_MSG)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidNames")
  @Graded(exercise = "0.4", points = 3)
  void invalidNamesGetKubernetesMessages(
      String description, String rule, String value, List<String> expected) {
    List<String> actual = switch (rule) {
      case "subdomain" -> NameValidation.isDns1123Subdomain(value);
      case "label" -> NameValidation.isDns1123Label(value);
      case "dns1035" -> NameValidation.isDns1035Label(value);
      case "qualified" -> NameValidation.isQualifiedName(value);
      case "value" -> NameValidation.isValidLabelValue(value);
      default -> throw new IllegalArgumentException(rule);
    };
    assertThat(actual).as("%s: %s(\"%s\")", description, rule, value)
        .containsExactlyElementsOf(expected);
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"app", "app.kubernetes.io/name", "example.com/My_Key-1", "A"})
  @Graded(exercise = "0.4", points = 1)
  void qualifiedNamesAcceptPrefixesAndMixedCase(String key) {
    assertThat(NameValidation.isQualifiedName(key)).as("isQualifiedName(%s)", key).isEmpty();
    assertThat(NameValidation.isValidLabelValue("")).as("an empty label value").isEmpty();
  }
}
