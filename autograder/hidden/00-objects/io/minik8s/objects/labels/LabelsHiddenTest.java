package io.minik8s.objects.labels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Upstream's tables (k8s.io/apimachinery/pkg/labels/selector_test.go), redrawn. */
class LabelsHiddenTest {

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
        "x=a,y=b,z=c                                           | x=a,y=b,z=c",
        "x!=a,y=b                                              | x!=a,y=b",
        "'x= '                                                 | x=",
        "'x=,z= '                                              | x=,z=",
        "'x= ,z= '                                             | x=,z=",
        "x>1,z<5                                               | x>1,z<5",
        "this-is-a-dns.domain.com/key-with-dash                | this-is-a-dns.domain.com/key-with-dash",
        "0.1.2.domain/99 notin (10.10.100.1, tick.tack.clock)  | 0.1.2.domain/99 notin (10.10.100.1,tick.tack.clock)",
        "'foo  in\t (abc)'                                     | foo in (abc)",
        "x in (abc,)                                           | x in (,abc)",
        "x in (abc,abc)                                        | x in (abc)",
        "x in ()                                               | x in ()",
        "x in (a,,,,,,)                                        | x in (,a)",
        "x in (a,,a,,a,,a,,)                                   | x in (,a)",
        "x notin (abc,,def),bar,z in (),w                      | bar,w,x notin (,abc,def),z in ()",
        "x,y in (a)                                            | x,y in (a)",
        "y in (a),x                                            | x,y in (a)",
        "x notin ( )                                           | x notin ()",
        "'x notin (, a)'                                       | x notin (,a)",
        "'a '                                                  | a",
        "a in (x,y,notin, z,in)                                | a in (in,notin,x,y,z)",
        "notin=in                                              | notin=in",
        "a!=b                                                  | a!=b",
        "a==b                                                  | a==b",
      })
  @Graded(
      exercise = "0.2",
      points = 3,
      hint = "Check whitespace between tokens, empty values inside (...), duplicate values, and"
          + " that in/notin can also be keys or values.")
  void upstreamValidSelectors(String input, String canonical) {
    assertThat(Selector.parse(input).toString()).as("parse(\"%s\").toString()", input).isEqualTo(canonical);
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "Tabs, carriage returns and newlines are whitespace too.")
  void allWhitespaceKindsSeparateTokens() {
    assertThat(Selector.parse("\rx").toString()).isEqualTo("x");
    assertThat(Selector.parse("x notin\n (abc)").toString()).isEqualTo("x notin (abc)");
    assertThat(Selector.parse("x  notin\t\t(abc,def)").toString()).isEqualTo("x notin (abc,def)");
    assertThat(Selector.parse("\n").isEmpty()).isTrue();
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {
        "x=a||y=b", "x==a==b", "!x=a", "x<a", "x,,y", ",x,y", "x nott in (y)", "a in (xyz),",
        "a in (xyz)b notin ()", "a in (xyz abc)", "a notin(", "a (", "(", ")", ",", "a ! = b",
        "a===b", "a=(b)", "!", "!!a", "a in", "a in (b))", "-a", "a-", "a$", "a/b/c",
        "UPPER.com/x", "/x", "x/", "a=b c", "a=-b", "a in (b,c-)"
      })
  @Graded(
      exercise = "0.2",
      points = 2,
      hint = "Every malformed selector (bad token order, unbalanced parentheses, invalid key or"
          + " value syntax) must raise SelectorParseException.")
  void upstreamInvalidSelectors(String input) {
    assertThatThrownBy(() -> Selector.parse(input))
        .as("parse(\"%s\")", input)
        .isInstanceOf(SelectorParseException.class)
        .hasMessageContaining(input);
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "Keys are limited to 63 characters (name) and values to 63 characters.")
  void enforcesLengthLimits() {
    String name63 = "a".repeat(63);
    assertThat(Selector.parse(name63 + "=" + name63).toString()).isEqualTo(name63 + "=" + name63);
    assertThatThrownBy(() -> Selector.parse("a".repeat(64) + "=b")).isInstanceOf(SelectorParseException.class);
    assertThatThrownBy(() -> Selector.parse("a=" + "b".repeat(64))).isInstanceOf(SelectorParseException.class);
    assertThat(Selector.parse("example.com/" + name63).toString()).isEqualTo("example.com/" + name63);
  }

  @ParameterizedTest(name = "\"{0}\" fails at {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "a in (xyz abc)     | 10",
        "'  =x'             | 2",
        "a in (b),c d       | 11",
        "app notin (a,(b))  | 13",
        "x,,y               | 2",
        "a in b             | 5",
      })
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "The error position is the 0-based offset of the offending token in the input.")
  void reportsTheOffendingTokenPosition(String input, int position) {
    assertThatThrownBy(() -> Selector.parse(input))
        .isInstanceOfSatisfying(
            SelectorParseException.class,
            e -> assertThat(e.position()).as("position for \"%s\"", input).isEqualTo(position));
  }

  @ParameterizedTest(name = "\"{0}\" on {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                       | x=y                  | true",
        "x=y,z=w                  | x=y;z=w              | true",
        "x!=y,z!=w                | x=z;z=a              | true",
        "x!=y,z!=w                | x=z;z=w              | false",
        "notin=in                 | notin=in             | true",
        "x>1                      | x=2                  | true",
        "x>1                      | x=1                  | false",
        "x<1                      | x=0                  | true",
        "x<1                      | x=2                  | false",
        "x>1                      | -                    | false",
        "x>1                      | x=v2                 | false", // not an integer
        "x<5                      | x=-7                 | true",
        "x=z                      | -                    | false",
        "foo=bar,foobar=bar,baz=blah | foo=bar;baz=blah   | false",
        "x notin (),y             | y=                   | true",
        "x in ()                  | y=baz                | false",
        "x in ()                  | x=                   | true",
        "!x,y                     | y=                   | true",
        "x notin (),!y            | y=                   | false",
        "x in (foo),y notin (alpha) | x=foo;y=baz        | true",
        "x in (foo),y in (alpha)  | x=foo;y=baz          | false",
        "x==y                     | x=y                  | true",
        "x==y                     | x=yy                 | false",
      })
  @Graded(
      exercise = "0.2",
      points = 3,
      hint = "Each operator has its own rule for a missing label: = and in need it, != and notin"
          + " accept it; > and < need an integer label value.")
  void upstreamMatchingTable(String selector, String labelSpec, boolean expected) {
    Map<String, String> labels = labels(labelSpec);

    assertThat(Selector.parse(selector).matches(labels))
        .as("parse(\"%s\").matches(%s)", selector, labels)
        .isEqualTo(expected);
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "Requirement.toString sorts set values without changing the stored order.")
  void requirementPrintsValuesSorted() {
    Requirement in = new Requirement("x", Operator.IN, List.of("def", "abc"));

    assertThat(in).hasToString("x in (abc,def)");
    assertThat(in.values()).containsExactly("def", "abc");
    assertThat(new Requirement("x", Operator.NOT_IN, List.of(""))).hasToString("x notin ()");
    assertThat(new Requirement("z", Operator.DOES_NOT_EXIST, List.of())).hasToString("!z");
    assertThat(new Requirement("z", Operator.EXISTS, List.of())).hasToString("z");
    assertThat(new Requirement("y", Operator.LESS_THAN, List.of("8"))).hasToString("y<8");
    assertThat(new Requirement("y", Operator.GREATER_THAN, List.of("2"))).hasToString("y>2");
    assertThat(new Requirement("y", Operator.DOUBLE_EQUALS, List.of("jkl"))).hasToString("y==jkl");
    assertThat(Selector.of(List.of(
            new Requirement("z", Operator.NOT_EQUALS, List.of("a")),
            new Requirement("x", Operator.EQUALS, List.of("abc")))))
        .hasToString("x=abc,z!=a");
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "A map-style selector (a Service's spec.selector) is key=value for every entry.")
  void fromSetSelectsExactly() {
    Selector selector = Selector.fromSet(Map.of("tier", "fe", "app", "web"));

    assertThat(selector).hasToString("app=web,tier=fe");
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "extra", "x"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web"))).isFalse();
    assertThat(Selector.fromSet(Map.of()).matches(Map.of("a", "b"))).isTrue();
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 2,
      hint = "LabelSelectors.toSelector must reject what labels.NewRequirement rejects: bad"
          + " operators, bad keys/values, and value counts that do not fit the operator.")
  void toSelectorValidatesLikeUpstream() {
    List<LabelSelector> invalid =
        List.of(
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "In", List.of()))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "NotIn", null))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "Exists", List.of("x")))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "in", List.of("x")))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", null, List.of("x")))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("b@d", "Exists", null))),
            new LabelSelector(null, List.of(new LabelSelectorRequirement("env", "In", List.of("not ok")))),
            new LabelSelector(Map.of("app", "we b"), null),
            new LabelSelector(Map.of("-app", "web"), null));
    for (LabelSelector api : invalid) {
      assertThatThrownBy(() -> LabelSelectors.toSelector(api))
          .as("toSelector(%s)", api)
          .isInstanceOf(IllegalArgumentException.class)
          .isNotInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 2,
      hint = "matchLabels and matchExpressions are ANDed; NotIn and DoesNotExist accept a missing"
          + " label.")
  void toSelectorMatchesLikeTheParsedString() {
    LabelSelector api =
        new LabelSelector(
            Map.of("tier", "fe", "app", "web"),
            List.of(
                new LabelSelectorRequirement("env", "NotIn", List.of("qa", "dev", "qa")),
                new LabelSelectorRequirement("release", "Exists", null),
                new LabelSelectorRequirement("example.com/legacy", "DoesNotExist", List.of())));

    Selector selector = LabelSelectors.toSelector(api);

    assertThat(selector).hasToString("app=web,env notin (dev,qa,qa),!example.com/legacy,release,tier=fe");
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "release", "1"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "release", "1", "env", "prod"))).isTrue();
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "release", "1", "env", "qa"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe"))).isFalse();
    assertThat(selector.matches(Map.of("app", "web", "tier", "fe", "release", "1", "example.com/legacy", "")))
        .isFalse();
    assertThat(LabelSelectors.toSelector(new LabelSelector(Map.of(), List.of())).isEmpty()).isTrue();
    assertThat(LabelSelectors.toSelector(null).matchesNothing()).isTrue();
  }

  @Property(seed = "42", tries = 100)
  @Graded(
      exercise = "0.2",
      points = 2,
      hint = "Whatever toString prints must parse back to a selector that prints the same and"
          + " selects the same label sets.")
  void printedSelectorsParseBack(
      @ForAll("selectors") String input, @ForAll("labelSets") Map<String, String> labels) {
    Selector parsed = Selector.parse(input);
    Selector reparsed = Selector.parse(parsed.toString());

    assertThat(reparsed.toString()).as("reparse of \"%s\"", parsed).isEqualTo(parsed.toString());
    assertThat(reparsed.matches(labels)).as("\"%s\" on %s", input, labels).isEqualTo(parsed.matches(labels));
  }

  private static final List<String> KEYS = List.of("app", "env", "tier", "example.com/x");
  private static final List<String> VALUES = List.of("", "web", "db", "qa", "1", "7");

  @Provide
  Arbitrary<String> selectors() {
    Arbitrary<String> key = Arbitraries.of(KEYS);
    Arbitrary<String> value = Arbitraries.of(VALUES);
    Arbitrary<String> space = Arbitraries.of("", " ", "  ", "\t");
    Arbitrary<String> set = value.list().ofMinSize(1).ofMaxSize(3).map(vs -> "(" + String.join(",", vs) + ")");
    Arbitrary<String> requirement =
        Arbitraries.oneOf(
            key,
            key.map(k -> "!" + k),
            Combinators.combine(key, Arbitraries.of("=", "==", "!="), value, space)
                .as((k, op, v, s) -> k + s + op + s + v),
            Combinators.combine(key, Arbitraries.of("in", "notin"), set, space)
                .as((k, op, vs, s) -> k + " " + op + s + vs),
            Combinators.combine(key, Arbitraries.of(">", "<"), Arbitraries.of("1", "5", "30"))
                .as((k, op, v) -> k + op + v));
    return requirement.list().ofMinSize(0).ofMaxSize(4).map(rs -> String.join(",", rs));
  }

  @Provide
  Arbitrary<Map<String, String>> labelSets() {
    return Arbitraries.maps(Arbitraries.of(KEYS), Arbitraries.of(VALUES)).ofMaxSize(4);
  }

  @Test
  @Graded(
      exercise = "0.2",
      points = 1,
      hint = "Requirements on the same key are all kept and all must hold.")
  void requirementsOnTheSameKeyAreAnded() {
    Selector selector = Selector.parse("x!=a,x,x notin (b)");

    assertThat(selector.requirements()).hasSize(3);
    assertThat(selector.matches(Map.of("x", "c"))).isTrue();
    assertThat(selector.matches(Map.of("x", "b"))).isFalse();
    assertThat(selector.matches(Map.of())).isFalse();
    List<String> keys = new ArrayList<>();
    Selector.parse("b=1,a=2,c").requirements().forEach(r -> keys.add(r.key()));
    assertThat(keys).containsExactly("a", "b", "c");
  }
}
