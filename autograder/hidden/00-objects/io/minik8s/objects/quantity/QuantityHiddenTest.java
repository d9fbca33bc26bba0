package io.minik8s.objects.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import java.math.BigDecimal;
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

/** Upstream's own tables (k8s.io/apimachinery/pkg/api/resource/quantity_test.go), redrawn. */
class QuantityHiddenTest {

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    // non-canonical spellings from upstream TestQuantityString ("alternate" column)
    "307200Ki,     300Mi",
    "1025024Mi,    1001Gi",
    "1024Gi,       1Ti",
    "5000m,        5",
    "0.001T,       1G",
    "1000u,        1m",
    "1.08,         1080m",
    "1080000000n,  1080m",
    ".001e12,      1e9",
    "0.001e0,      1e-3",
    "1000e-12,     1e-9",
    "00,           0",
    // TestQuantityParseEmit
    ".001Ki,       1024m",
    ".000001Ki,    1024u",
    ".000000001Ki, 1024n",
    "1Ki,          1Ki",
    // other spellings the grammar allows
    "1.,           1",
    "1.G,          1G",
    ".5,           500m",
    "+1,           1",
    "1.3E+6,       1300e3",
    "1E-3,         1e-3",
    "100.035k,     100035",
    "10.035M,      10035k",
    "6.987654321G, 6987654321",
  })
  @Graded(
      exercise = "0.1",
      points = 3,
      hint = "Canonical form: strip every factor of ten into the exponent, then step the exponent"
          + " down to a multiple of 3; binary values divide by 1024 while they can.")
  void canonicalFormOfUpstreamAlternates(String input, String canonical) {
    assertThat(Quantity.parse(input).toString()).as("parse(%s).toString()", input).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "5Ki,           5Ki",
    "1000Ki,        1000Ki",
    "1023,          1023", // decimal input stays decimal
    "0.5Ki,         512", // binary below 1024 prints as decimal
    "-0.5Ki,        -512",
    "1.1Ki,         1126400m", // binary with a fraction prints as decimal
    "100.035Ki,     102435840m",
    "0.5Mi,         512Ki",
    "0.05Gi,        53687091200m",
    "-1Ki,          -1Ki",
    "2048Ei,        9223372036854775807", // capped at 2^63-1, which is no power of 1024
    "9Ei,           9223372036854775807",
    "7Ei,           7Ei",
  })
  @Graded(
      exercise = "0.1",
      points = 2,
      hint = "A binary quantity prints with Ki..Ei only when it is whole and at least 1024 in"
          + " magnitude; huge binary values are capped like upstream.")
  void binaryCornerCases(String input, String canonical) {
    assertThat(Quantity.parse(input).toString()).as("parse(%s).toString()", input).isEqualTo(canonical);
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "A binary value between 0 and 1 is rounded to nanos and becomes decimal SI.")
  void tinyBinaryBecomesDecimal() {
    Quantity q = Quantity.parse(".000000000001Ki");

    assertThat(q).hasToString("2n");
    assertThat(q.format()).isEqualTo(Format.DECIMAL_SI);
    assertThat(Quantity.parse("0Ki").format()).as("zero keeps its binary format").isEqualTo(Format.BINARY_SI);
  }

  @ParameterizedTest(name = "{0} prints as {1}")
  @CsvSource({
    "12E,                      12E",
    "1000E,                    1000E", // no suffix above E
    "1e21,                     1e21",
    "10000000000000000000,     10E",
    "999999999999999999.1,     999999999999999999100m",
    "-9999999999999999999.1,   -9999999999999999999100m",
    "1.0000000000000000001E,   1000000000000000000100m",
    "1.000000000000000001E,    1000000000000000001",
    "0.00000012345,            124n",
    "1.1E-9,                   2e-9",
  })
  @Graded(
      exercise = "0.1",
      points = 2,
      hint = "Quantities are exact: values beyond a long, or with many digits, must still print"
          + " exactly (use BigDecimal/BigInteger all the way).")
  void largeAndPreciseValuesStayExact(String input, String canonical) {
    assertThat(Quantity.parse(input).toString()).as("parse(%s).toString()", input).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(
      strings = {
        "1.1.M", "1+1.0M", "0.1am", "aoeu", ".5i", "1i", "-3.01i", "-3.01e-", ".", "-", "+",
        "1e3m", "1Ki5", "1ki", "1K", "1e3.5", "1E+", "1,5", "1_000", "0x10", "\t1"
      })
  @Graded(
      exercise = "0.1",
      points = 2,
      hint = "Follow the grammar exactly: at least one digit, one optional dot, then one known"
          + " suffix or an integer exponent.")
  void rejectsUpstreamInvalidInputs(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .as("parse(\"%s\") must be rejected", input)
        .isInstanceOf(QuantityFormatException.class)
        .hasMessageContaining(input.trim());
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "An unknown suffix deserves a message naming the suffix.")
  void unknownSuffixIsNamed() {
    assertThatThrownBy(() -> Quantity.parse("5Zi"))
        .isInstanceOf(QuantityFormatException.class)
        .hasMessageContaining("5Zi");
    assertThatThrownBy(() -> Quantity.parse("1e"))
        .isInstanceOf(QuantityFormatException.class)
        .hasMessageContaining("\"e\"");
  }

  @ParameterizedTest(name = "{0}: value {1}, milliValue {2}")
  @CsvSource({
    "9.01,     10,          9010",
    "-9.01,    -10,         -9010",
    "1u,       1,           1",
    "-1n,      -1,          -1",
    "1.5Gi,    1610612736,  1610612736000",
    "1e3,      1000,        1000000",
    "100.035Ki, 102436,     102435840",
  })
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "value() and milliValue() round up away from zero, like upstream Value()/MilliValue().")
  void scaledValues(String input, long value, long milliValue) {
    Quantity q = Quantity.parse(input);

    assertThat(q.value()).as("parse(%s).value()", input).isEqualTo(value);
    assertThat(q.milliValue()).as("parse(%s).milliValue()", input).isEqualTo(milliValue);
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "A value that does not fit in a long must not silently wrap around.")
  void valueOverflowIsAnError() {
    assertThatThrownBy(() -> Quantity.parse("12E").value()).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Quantity.parse("1Ei").milliValue()).isInstanceOf(ArithmeticException.class);
    assertThat(Quantity.parse("1Ei").value()).isEqualTo(1L << 60);
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 2,
      hint = "add keeps the receiver's format unless the receiver is zero; results are exact.")
  void arithmeticKeepsFormatsLikeUpstream() {
    Quantity zero = Quantity.parse("0");
    for (String s : new String[] {"100m", "1Gi", "1e3"}) {
      Quantity q = Quantity.parse(s);
      assertThat(q.add(zero)).as("%s + 0", s).hasToString(s);
      assertThat(zero.add(q)).as("0 + %s", s).hasToString(s);
      assertThat(zero.subtract(q)).as("0 - %s", s).hasToString("-" + s);
      assertThat(q.subtract(q)).as("%s - %s", s, s).hasToString("0");
    }
    assertThat(Quantity.parse("1Gi").add(Quantity.parse("1"))).as("1Gi + 1").hasToString("1073741825");
    assertThat(Quantity.parse("1").add(Quantity.parse("1Gi"))).as("1 + 1Gi").hasToString("1073741825");
    assertThat(Quantity.parse("1Gi").add(Quantity.parse("1Gi"))).as("1Gi + 1Gi").hasToString("2Gi");
    assertThat(Quantity.parse("0.1").add(Quantity.parse("0.2"))).as("0.1 + 0.2").isEqualTo(Quantity.parse("300m"));
    assertThat(Quantity.parse("1e3").add(Quantity.parse("1"))).as("1e3 + 1").hasToString("1001");
    assertThat(Quantity.parse("1").add(Quantity.parse("2k")).format()).isEqualTo(Format.DECIMAL_SI);
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "Comparison is numeric across formats and signs; equal values hash alike.")
  void comparisonAcrossFormats() {
    assertThat(Quantity.parse("1e3")).isEqualTo(Quantity.parse("1k")).isEqualTo(Quantity.parse("1000"));
    assertThat(Quantity.parse("1e3").hashCode()).isEqualTo(Quantity.parse("1k").hashCode());
    assertThat(Quantity.parse("1G")).isLessThan(Quantity.parse("1Gi"));
    assertThat(Quantity.parse("-1Gi")).isLessThan(Quantity.parse("-1G"));
    assertThat(Quantity.parse("1n")).isGreaterThan(Quantity.parse("0"));
    assertThat(Quantity.parse("0Ki")).isEqualTo(Quantity.ZERO);
    assertThat(Quantity.parse("1")).isNotEqualTo(Quantity.parse("1.001"));
    assertThat(Quantity.parse("1").compareTo(Quantity.parse("1.000"))).isZero();
  }

  @Property(seed = "42", tries = 100)
  @Graded(
      exercise = "0.1",
      points = 2,
      hint = "Whatever you print must parse back to the same value, and print the same again.")
  void canonicalFormRoundTrips(@ForAll("quantities") Quantity q) {
    Quantity back = Quantity.parse(q.toString());

    assertThat(back).as("parse(%s) after printing %s", q, q.toBigDecimal()).isEqualTo(q);
    assertThat(back.toString()).as("printing is stable for %s", q).isEqualTo(q.toString());
    // A canonical decimal form has no fraction in the mantissa.
    assertThat(q.toString()).as("canonical form of %s", q.toBigDecimal()).doesNotContain(".");
  }

  @Provide
  Arbitrary<Quantity> quantities() {
    Arbitrary<String> mantissa = Arbitraries.longs().between(-999_999_999L, 999_999_999L).map(String::valueOf);
    Arbitrary<String> fraction =
        Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(4).map(f -> f.isEmpty() ? "" : "." + f);
    Arbitrary<String> suffix =
        Arbitraries.of("", "n", "u", "m", "k", "M", "G", "T", "Ki", "Mi", "Gi", "e3", "e-2", "E6", "e0");
    return Combinators.combine(mantissa, fraction, suffix).as((a, b, c) -> Quantity.parse(a + b + c));
  }

  @Property(seed = "42", tries = 100)
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "add must be exact and commutative in value, and subtract must undo it.")
  void addIsExact(@ForAll("quantities") Quantity a, @ForAll("quantities") Quantity b) {
    BigDecimal expected = a.toBigDecimal().add(b.toBigDecimal());

    assertThat(a.add(b).toBigDecimal()).as("%s + %s", a, b).isEqualByComparingTo(expected);
    assertThat(a.add(b)).as("%s + %s vs %s + %s", a, b, b, a).isEqualTo(b.add(a));
    assertThat(a.add(b).subtract(b)).as("(%s + %s) - %s", a, b, b).isEqualTo(a);
  }

  // Found by ./course mutation: PIT's boundary and arithmetic mutants survived here.

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "Boundaries: exactly 1024 prints with Ki, and a binary value of exactly 1 stays binary"
          + " (only values strictly between 0 and 1 switch to decimal SI).")
  void exactBinaryBoundaries() {
    assertThat(Quantity.parse("1Ki")).hasToString("1Ki");
    assertThat(Quantity.parse("-1Ki")).hasToString("-1Ki");
    assertThat(Quantity.parse("1024")).as("decimal 1024 stays decimal").hasToString("1024");
    assertThat(Quantity.parse("0.0009765625Ki").format()).as("exactly 1 (1/1024 Ki)").isEqualTo(Format.BINARY_SI);
    assertThat(Quantity.parse("0.0009765625Ki").add(Quantity.parse("1023")))
        .as("1 in binary SI plus 1023 keeps the binary format").hasToString("1Ki");
    assertThat(Quantity.parse("0.5Ki").format()).as("512 stays binary").isEqualTo(Format.BINARY_SI);
    assertThat(Quantity.parse("0.0005Ki").format()).as("0.512 switches").isEqualTo(Format.DECIMAL_SI);
  }

  @Test
  @Graded(
      exercise = "0.1",
      points = 1,
      hint = "value() and milliValue() must work for every quantity that fits in a long, including ones"
          + " with nine fraction digits: count integer digits as precision minus scale.")
  void scaledValuesOfLongFractions() {
    Quantity q = Quantity.parse("123456789.123456789");
    assertThat(q.milliValue()).isEqualTo(123_456_789_124L);
    assertThat(q.value()).isEqualTo(123_456_790L);
    assertThat(Quantity.parse("-1.000000001").value()).as("rounds away from zero").isEqualTo(-2L);
  }
}
