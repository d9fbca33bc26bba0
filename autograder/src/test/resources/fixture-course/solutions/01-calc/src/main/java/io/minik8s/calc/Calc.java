package io.minik8s.calc;

import io.minik8s.demo.Adder;
import java.util.List;

public final class Calc {

  private Calc() {}

  public static int sum(List<Integer> numbers) {
    // BEGIN EXERCISE 1.1 — sum a list with Adder.add
    int total = 0;
    for (int n : numbers) {
      total = Adder.add(total, n);
    }
    return total;
    // END EXERCISE 1.1
  }
}
