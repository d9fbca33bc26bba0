package io.minik8s.demo;

/** Wrong on its first call only: which test fails depends on which runs first. */
public final class Adder {

  private static int calls;

  private Adder() {}

  public static int add(int a, int b) {
    return calls++ == 0 ? 0 : a + b;
  }
}
