package io.minik8s.bench;

/**
 * One measured number: a row of the results table for one server.
 *
 * @param benchmark what ran, e.g. "put, 16 clients"
 * @param metric what was measured and its unit, e.g. "throughput (puts/s)" or "p99 (ms)"
 * @param higherIsBetter true for a throughput, false for a latency
 */
record Figure(String benchmark, String metric, double value, boolean higherIsBetter) {

  /** The row's label, which identifies the same figure across servers. */
  String label() {
    return benchmark + ": " + metric;
  }
}
