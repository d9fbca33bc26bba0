package io.minik8s.grader.run;

/** How one graded test ended: passed, or failed with a one-paragraph reason. */
public record TestOutcome(GradedTest test, boolean passed, String message) {

  public static TestOutcome passed(GradedTest test) {
    return new TestOutcome(test, true, "");
  }

  public static TestOutcome failed(GradedTest test, String message) {
    return new TestOutcome(test, false, message);
  }

  /** The first line of the message, for one-line summaries. */
  public String firstLine() {
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
