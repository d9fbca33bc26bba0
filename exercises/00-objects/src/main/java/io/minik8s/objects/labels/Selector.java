package io.minik8s.objects.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A parsed label selector: requirements that must all hold. Immutable.
 *
 * <p>Two special selectors: {@link #everything()} (no requirements) matches every label set and is
 * {@linkplain #isEmpty() empty}; {@link #nothing()} matches no label set, is not empty, and prints
 * as the empty string like upstream's {@code labels.Nothing()}.
 *
 * <p>Requirements are kept sorted by key (stably, so two requirements on the same key keep their
 * order), which makes {@link #toString()} canonical: {@code parse("tier!=db,app=web")} prints
 * {@code app=web,tier!=db}.
 *
 * <p>Upstream: {@code labels.Selector} and {@code labels.Parse} in
 * k8s.io/apimachinery/pkg/labels/selector.go.
 */
public final class Selector {

  private static final Selector EVERYTHING = new Selector(List.of(), false);
  private static final Selector NOTHING = new Selector(List.of(), true);

  private final List<Requirement> requirements;
  private final boolean matchesNothing;

  private Selector(List<Requirement> requirements, boolean matchesNothing) {
    List<Requirement> sorted = new ArrayList<>(requirements);
    sorted.sort(Comparator.comparing(Requirement::key)); // List.sort is stable
    this.requirements = List.copyOf(sorted);
    this.matchesNothing = matchesNothing;
  }

  /**
   * Parses a selector string such as {@code app=web,tier!=db}, {@code env in (prod,qa)},
   * {@code !canary}. The empty string (or only whitespace) is {@link #everything()}.
   *
   * <pre>
   * selector    ::= "" | requirement ("," requirement)*
   * requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUE ("," VALUE)* ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
   * </pre>
   *
   * Whitespace (space, tab, CR, LF) may surround every token but cannot appear inside a key or a
   * value. A value may be empty ({@code app=}, {@code env in (a,)}).
   *
   * @throws SelectorParseException naming the input, the position and what was expected
   */
  public static Selector parse(String input) {
    return of(new SelectorParser(input).parse());
  }

  /** A selector that matches every label set. */
  public static Selector everything() {
    return EVERYTHING;
  }

  /** A selector that matches no label set. */
  public static Selector nothing() {
    return NOTHING;
  }

  /** A selector requiring all of {@code requirements}. */
  public static Selector of(List<Requirement> requirements) {
    return requirements.isEmpty() ? EVERYTHING : new Selector(requirements, false);
  }

  /**
   * A selector matching exactly the labels in {@code set} ({@code key=value} for each entry), as a
   * Service or ReplicationController selector does. An empty set selects everything.
   */
  public static Selector fromSet(Map<String, String> set) {
    List<Requirement> requirements = new ArrayList<>();
    set.forEach((k, v) -> requirements.add(new Requirement(k, Operator.EQUALS, List.of(v))));
    return of(requirements);
  }

  /** Whether every requirement holds for {@code labels} (null means no labels). */
  public boolean matches(Map<String, String> labels) {
    if (matchesNothing) {
      return false;
    }
    Map<String, String> actual = labels == null ? Map.of() : labels;
    return requirements.stream().allMatch(r -> r.matches(actual));
  }

  /** True if this selector does not restrict anything (it matches everything). */
  public boolean isEmpty() {
    return !matchesNothing && requirements.isEmpty();
  }

  /** True only for {@link #nothing()}. */
  public boolean matchesNothing() {
    return matchesNothing;
  }

  /** The requirements, sorted by key. */
  public List<Requirement> requirements() {
    return requirements;
  }

  /** The canonical string: requirements sorted by key, joined by {@code ,} with no spaces. */
  @Override
  public String toString() {
    return requirements.stream().map(Requirement::toString).collect(Collectors.joining(","));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Selector other
        && matchesNothing == other.matchesNothing
        && requirements.equals(other.requirements);
  }

  @Override
  public int hashCode() {
    return requirements.hashCode() * 31 + Boolean.hashCode(matchesNothing);
  }
}
