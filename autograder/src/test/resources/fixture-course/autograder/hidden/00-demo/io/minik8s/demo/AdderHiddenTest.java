package io.minik8s.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

class AdderHiddenTest {

  @Test
  @Graded(exercise = "0.1", points = 1, hint = "negative numbers add too")
  void addsNegativeNumbers() {
    assertEquals(-5, Adder.add(-2, -3), "add(-2, -3)");
  }
}
