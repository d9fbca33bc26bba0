package io.minik8s.objects.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SelectorTest {

  /** "k=v;k2=v2" as a label map; "-" is no labels, "k=" is the empty value. */
  static Map<String, String> labels(String spec) {
    Map<String, String> labels = new LinkedHashMap<>();
    if (!spec.equals("-")) {
      for (String pair : spec.split(";")) {
        int eq = pair.indexOf('=');
        labels.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return labels;
  }

  @ParameterizedTest(name = "\"{0}\" prints as \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        // input                               | canonical
        "app=web,tier!=db                      | app=web,tier!=db",
        "tier!=db,app=web                      | app=web,tier!=db", // sorted by key
        "app==web                              | app==web", // == is kept
        "env in (prod,qa)                      | env in (prod,qa)",
        "env in (qa,prod,qa)                   | env in (prod,qa)", // a set: sorted, no duplicates
        "!canary                               | !canary",
        "canary                                | canary",
        "version notin (v1)                    | version notin (v1)",
        "'  app = web ,  env  in ( a , b ) '   | app=web,env in (a,b)", // whitespace between tokens
        "x in (foo,,baz),y,z notin ()          | x in (,baz,foo),y,z notin ()", // empty values
        "app=                                  | app=",
        "example.com/app=web                   | example.com/app=web",
        "x in (in)                             | x in (in)", // 'in' as a value
      })
  @Graded(exercise = "0.2", points = 3)
  void parsesAndPrintsCanonically(String input, String canonical) {
    assertThat(Selector.parse(input).toString()).as("parse(\"%s\").toString()", input).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "\"{0}\" on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // selector                 | labels                 | matches
        "app=web                    | app=web;tier=db        | true",
        "app=web                    | app=api                | false",
        "app=web                    | -                      | false",
        "app=web,tier!=db           | app=web;tier=fe        | true",
        "app=web,tier!=db           | app=web;tier=db        | false",
        "tier!=db                   | app=web                | true", // missing label is != db
        "env in (prod,qa)           | env=qa                 | true",
        "env in (prod,qa)           | env=dev                | false",
        "env in (prod,qa)           | app=web                | false",
        "env notin (prod)           | app=web                | true", // missing label is not in
        "env notin (prod)           | env=prod               | false",
        "canary                     | canary=                | true", // exists, even when empty
        "canary                     | app=web                | false",
        "!canary                    | app=web                | true",
        "!canary                    | canary=true            | false",
        "app=                       | app=                   | true",
      })
  @Graded(exercise = "0.2", points = 3)
  void matchesLabelSets(String selector, String labelSpec, boolean expected) {
    Map<String, String> labels = labels(labelSpec);

    assertThat(Selector.parse(selector).matches(labels))
        .as("parse(\"%s\").matches(%s)", selector, labels)
        .isEqualTo(expected);
  }

  @Test
  @Graded(exercise = "0.2", points = 1)
  void emptySelectorMatchesEverything() {
    Selector empty = Selector.parse("");

    assertThat(empty.isEmpty()).as("parse(\"\").isEmpty()").isTrue();
    assertThat(empty.matches(Map.of())).as("matches no labels").isTrue();
    assertThat(empty.matches(Map.of("app", "web"))).as("matches any labels").isTrue();
    assertThat(empty).hasToString("");
    assertThat(Selector.parse(" \t ").isEmpty()).as("parse of blanks is empty").isTrue();
    assertThat(Selector.parse("app").isEmpty()).as("parse(\"app\").isEmpty()").isFalse();
  }

  @ParameterizedTest(name = "\"{0}\" fails at {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // input     | position | message fragment
        "app in (a   | 9        | end of string",
        "env notin   | 9        | '('",
        "=x          | 0        | '='",
        "a=b=c       | 3        | '='",
        "app=w@b     | 0        | w@b",
        "a@b=c       | 0        | a@b",
        "a,          | 2        | end of string",
      })
  @Graded(exercise = "0.2", points = 2)
  void rejectsMalformedSelectorsNamingThePosition(String input, int position, String fragment) {
    assertThatThrownBy(() -> Selector.parse(input))
        .as("parse(\"%s\")", input)
        .isInstanceOf(SelectorParseException.class)
        .hasMessageContaining("\"" + input + "\"")
        .hasMessageContaining("position " + position)
        .hasMessageContaining(fragment);
  }
}
