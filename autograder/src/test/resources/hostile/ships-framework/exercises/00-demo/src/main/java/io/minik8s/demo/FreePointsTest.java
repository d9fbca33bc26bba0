package io.minik8s.demo;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

/** A graded test of the student's own, hidden among the main sources. */
public class FreePointsTest {

  @Test
  @Graded(exercise = "0.1", points = 100)
  void free() {}
}
