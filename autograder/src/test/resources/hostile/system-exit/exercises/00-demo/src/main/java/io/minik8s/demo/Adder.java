package io.minik8s.demo;

/** Exits the JVM the first time it is called. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    System.exit(0);
    return a + b;
  }
}
