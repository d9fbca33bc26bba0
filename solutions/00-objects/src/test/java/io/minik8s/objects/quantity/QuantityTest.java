package io.minik8s.objects.quantity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.Graded;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

  @ParameterizedTest(name = "{0} prints as {1} ({2})")
  @CsvSource({
    // input,   canonical, format
    "500m,      500m,      DECIMAL_SI",
    "2,         2,         DECIMAL_SI",
    "1.5,       1500m,     DECIMAL_SI", // no fraction in the canonical form
    "0.1,       100m,      DECIMAL_SI",
    "-1,        -1,        DECIMAL_SI",
    "1000,      1k,        DECIMAL_SI", // the largest suffix that loses nothing
    "100k,      100k,      DECIMAL_SI",
    "1G,        1G,        DECIMAL_SI",
    "1000M,     1G,        DECIMAL_SI",
    "128Mi,     128Mi,     BINARY_SI",
    "1536Mi,    1536Mi,    BINARY_SI", // 1.5Gi is not a whole number of Gi
    "1024Mi,    1Gi,       BINARY_SI",
    "1.5Gi,     1536Mi,    BINARY_SI",
    "1Ei,       1Ei,       BINARY_SI",
    "1e3,       1e3,       DECIMAL_EXPONENT", // the format is kept from the input
    "1e4,       10e3,      DECIMAL_EXPONENT", // exponents are multiples of 3
    "1.2e3,     1200,      DECIMAL_EXPONENT",
    "0,         0,         DECIMAL_SI",
  })
  @Graded(exercise = "0.1", points = 3)
  void parsesAndPrintsTheCanonicalForm(String input, String canonical, Format format) {
    Quantity q = Quantity.parse(input);

    assertThat(q.toString()).as("parse(%s).toString()", input).isEqualTo(canonical);
    assertThat(q.format()).as("parse(%s).format()", input).isEqualTo(format);
  }

  @ParameterizedTest(name = "\"{0}\" is rejected")
  @ValueSource(strings = {"", "1.2.3", "Mi", "5 Mi", "1e", "abc", "--1", " 1", "1 ", "0.1mi"})
  @Graded(exercise = "0.1", points = 2)
  void rejectsGarbageNamingTheInput(String input) {
    assertThatThrownBy(() -> Quantity.parse(input))
        .as("parse(\"%s\") must be rejected", input)
        .isInstanceOf(QuantityFormatException.class)
        .hasMessageContaining("\"" + input + "\"");
  }

  @Test
  @Graded(exercise = "0.1", points = 1)
  void malformedInputMessageShowsTheExpectedShape() {
    assertThatThrownBy(() -> Quantity.parse("5 Mi"))
        .isInstanceOf(QuantityFormatException.class)
        .hasMessageContaining("'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
  }

  @ParameterizedTest(name = "{0} rounds up to {1}")
  @CsvSource({
    "0.1m,            100u", // finer than milli is fine: nano is the limit
    "0.5n,            1n", // finer than nano rounds up, never down to zero
    "3.001n,          4n",
    "0.0000000001,    1n",
    "-0.5n,           -1n", // away from zero
  })
  @Graded(exercise = "0.1", points = 1)
  void roundsValuesFinerThanNanoUp(String input, String canonical) {
    assertThat(Quantity.parse(input).toString()).as("parse(%s).toString()", input).isEqualTo(canonical);
  }

  @Test
  @Graded(exercise = "0.1", points = 2)
  void comparesAndEqualsByValueNotFormat() {
    Quantity oneKi = Quantity.parse("1Ki");
    Quantity plain = Quantity.parse("1024");

    assertThat(oneKi).as("1Ki vs 1024").isEqualTo(plain).hasSameHashCodeAs(plain);
    assertThat(Quantity.parse("1.5")).as("1.5 vs 1500m").isEqualTo(Quantity.parse("1500m"));
    assertThat(Quantity.parse("100m")).as("100m vs 1").isLessThan(Quantity.parse("1"));
    assertThat(Quantity.parse("10000T")).as("10000T vs 100Gi").isGreaterThan(Quantity.parse("100Gi"));

    List<Quantity> sorted = new ArrayList<>();
    for (String s : List.of("1Gi", "500m", "-1", "1G", "2")) {
      sorted.add(Quantity.parse(s));
    }
    sorted.sort(null);
    assertThat(sorted).extracting(Quantity::toString).containsExactly("-1", "500m", "2", "1G", "1Gi");
  }

  @Test
  @Graded(exercise = "0.1", points = 2)
  void addsExactlyKeepingTheFormat() {
    // The scheduler sums the CPU requests of the pods on a node, starting from zero.
    Quantity cpu = Quantity.ZERO;
    for (String request : List.of("100m", "250m", "1")) {
      cpu = cpu.add(Quantity.parse(request));
    }
    assertThat(cpu).as("100m + 250m + 1").hasToString("1350m");

    Quantity memory = Quantity.ZERO.add(Quantity.parse("1Gi")).add(Quantity.parse("512Mi"));
    assertThat(memory).as("0 + 1Gi + 512Mi (zero takes the binary format)").hasToString("1536Mi");

    assertThat(Quantity.parse("1").subtract(Quantity.parse("250m"))).as("1 - 250m").hasToString("750m");
  }

  @ParameterizedTest(name = "{0}: value {1}, milliValue {2}")
  @CsvSource({
    "1500m,  2,     1500",
    "-1500m, -2,    -1500", // rounded away from zero
    "1Ki,    1024,  1024000",
    "1n,     1,     1",
    "2,      2,     2000",
    "0,      0,     0",
  })
  @Graded(exercise = "0.1", points = 1)
  void valueAndMilliValueRoundAwayFromZero(String input, long value, long milliValue) {
    Quantity q = Quantity.parse(input);

    assertThat(q.value()).as("parse(%s).value()", input).isEqualTo(value);
    assertThat(q.milliValue()).as("parse(%s).milliValue()", input).isEqualTo(milliValue);
  }

  @Test
  @Graded(exercise = "0.1", points = 1)
  void readsAndWritesJsonAsItsCanonicalString() throws Exception {
    ObjectMapper json = new ObjectMapper();
    Map<String, Quantity> requests =
        json.readValue(
            "{\"cpu\": \"1.5\", \"memory\": \"1024Mi\"}",
            json.getTypeFactory().constructMapType(Map.class, String.class, Quantity.class));

    assertThat(requests.get("cpu")).isEqualTo(Quantity.ofMilli(1500, Format.DECIMAL_SI));
    assertThat(json.writeValueAsString(requests.get("memory"))).isEqualTo("\"1Gi\"");
  }
}
