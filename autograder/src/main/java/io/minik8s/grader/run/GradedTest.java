package io.minik8s.grader.run;

/**
 * A graded test method as the forked runner found it: {@code key} is
 * {@code Class#method(ParamTypes)}, unique within a run; {@code hidden} says whether it came from
 * the hidden tests (its failure output is replaced by the hint in student-facing reports).
 */
public record GradedTest(
    String key, String className, String methodName, String exercise, int points, String hint, boolean hidden) {

  /** {@code QuantityTest.parsesMillis}: what a student sees. */
  public String displayName() {
    return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
  }
}
