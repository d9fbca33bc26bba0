package io.minik8s.grader.sync;

import java.util.List;

/** Malformed exercise markers; each problem is one {@code file:line: message} line. */
public final class MarkerException extends RuntimeException {

  private final List<String> problems;

  public MarkerException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
