package io.minik8s.demo;

/** Recurses without a base case: a StackOverflowError fails each test that calls it. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    return 1 + add(a, b);
  }
}
