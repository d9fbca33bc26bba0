package io.minik8s.demo;

import java.util.ArrayList;
import java.util.List;

/** Keeps every megabyte it allocates. */
public final class Adder {

  private static final List<long[]> HOARD = new ArrayList<>();

  private Adder() {}

  public static int add(int a, int b) {
    while (true) {
      HOARD.add(new long[128 * 1024]);
    }
  }
}
