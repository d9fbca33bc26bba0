package io.minik8s.calc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.minik8s.grader.Graded;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalcTest {

  @Test
  @Graded(exercise = "1.1", points = 2)
  void sumsAList() {
    assertEquals(6, Calc.sum(List.of(1, 2, 3)));
  }
}
