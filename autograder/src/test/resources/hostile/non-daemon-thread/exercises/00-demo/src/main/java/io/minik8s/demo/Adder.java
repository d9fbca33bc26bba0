package io.minik8s.demo;

import java.util.concurrent.locks.LockSupport;

/** Correct, but leaves a non-daemon thread running forever on every call. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    Thread forever = new Thread(() -> {
      while (true) {
        LockSupport.park();
      }
    }, "never-ends");
    forever.setDaemon(false);
    forever.start();
    return a + b;
  }
}
