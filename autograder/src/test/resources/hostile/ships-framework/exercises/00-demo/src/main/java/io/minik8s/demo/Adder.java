package io.minik8s.demo;

/** Wrong: the classes shipped beside it are meant to make the tests pass anyway. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    return 0;
  }
}
