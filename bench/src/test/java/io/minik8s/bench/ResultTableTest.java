package io.minik8s.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

  private static final Figure OURS_PUTS = new Figure("sequential put", "throughput (puts/s)", 812.4, true);
  private static final Figure OURS_P99 = new Figure("sequential put", "p99 (ms)", 2.345, false);
  private static final Figure ETCD_PUTS = new Figure("sequential put", "throughput (puts/s)", 406.2, true);

  @Test
  void twoServersSideBySideWithTheRatioAndADashForAMissingFigure() {
    String table = ResultTable.markdown(List.of(
        new ResultTable.Column("ours", List.of(OURS_PUTS, OURS_P99)),
        new ResultTable.Column("etcd", List.of(ETCD_PUTS))));

    assertThat(table).isEqualTo("""
        | benchmark                           | ours | etcd | ours / etcd |
        |-------------------------------------|-----:|-----:|------------:|
        | sequential put: throughput (puts/s) |  812 |  406 |        2.00 |
        | sequential put: p99 (ms)            | 2.35 |    – |           – |
        """);
  }

  @Test
  void oneServerHasNoRatioColumn() {
    String table = ResultTable.markdown(List.of(new ResultTable.Column("ours", List.of(OURS_PUTS))));

    assertThat(table.lines().findFirst()).hasValue("| benchmark                           | ours |");
  }

  @Test
  void countsAndLatenciesAreRoundedForReading() {
    assertThat(ResultTable.value(new Figure("b", "puts/s", 12_345.6, true))).isEqualTo("12 346");
    assertThat(ResultTable.value(new Figure("b", "ms", 123.4, false))).isEqualTo("123");
    assertThat(ResultTable.value(new Figure("b", "ms", 12.34, false))).isEqualTo("12.3");
    assertThat(ResultTable.value(new Figure("b", "ms", 0.1234, false))).isEqualTo("0.12");
  }
}
