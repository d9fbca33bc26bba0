package io.minik8s.demo;

/** Prints 1 GB, alternating stdout and stderr, before answering. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    String line = "x".repeat(1023);
    for (long written = 0; written < 1L << 30; written += 1024) {
      (written % 2048 == 0 ? System.out : System.err).println(line);
    }
    return a + b;
  }
}
