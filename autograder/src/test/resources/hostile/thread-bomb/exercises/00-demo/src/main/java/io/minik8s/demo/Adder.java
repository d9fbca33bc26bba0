package io.minik8s.demo;

import java.util.concurrent.locks.LockSupport;

/** Starts parked threads until the JVM (or the machine) cannot start any more. */
public final class Adder {

  private Adder() {}

  public static int add(int a, int b) {
    while (true) {
      Thread t = new Thread(() -> {
        while (true) {
          LockSupport.park();
        }
      });
      t.setDaemon(true);
      t.start();
    }
  }
}
