package io.minik8s.demo;

/** Loops forever: the per-test timeout fails each test that calls it, and the run goes on. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    long spins = 0;
    while (true) {
      spins++;
    }
  }
}
