package io.minik8s.demo;

public final class Greeter {

  private static final String GREETING =
      // BEGIN EXERCISE 0.2 — choose the greeting
      // STUB: "";
      "Hello, ";
      // END EXERCISE 0.2

  private Greeter() {}

  public static String greet(String name) {
    // BEGIN EXERCISE 0.2 — greet someone by name
    return GREETING + name + "!";
    // END EXERCISE 0.2
  }
}
