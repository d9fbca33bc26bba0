package io.minik8s.grader.run;

import java.util.List;

/**
 * Everything a forked test run produced: one outcome per graded test that was planned, a
 * sentence for a run that ended abnormally ({@code null} when it ended normally), and the first
 * part of what the tests printed.
 */
public record ForkResult(List<TestOutcome> outcomes, String problem, String output) {

  public boolean completedNormally() {
    return problem == null;
  }
}
