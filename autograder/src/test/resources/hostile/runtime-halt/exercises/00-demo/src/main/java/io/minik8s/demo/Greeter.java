package io.minik8s.demo;

/** Halts the JVM, skipping shutdown hooks, the first time it is called. */
public final class Greeter {

  private Greeter() {}

  public static String greet(String name) {
    Runtime.getRuntime().halt(42);
    return "Hello, " + name + "!";
  }
}
