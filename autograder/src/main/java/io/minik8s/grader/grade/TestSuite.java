package io.minik8s.grader.grade;

import java.nio.file.Path;
import java.util.List;

/**
 * Which tests grade a module: the visible tests and their resources, plus the hidden tests when
 * an instructor grades. Tests always come from a trusted tree (the instructor's repository when
 * grading, the student's own when they check their work), never from the submission being graded.
 */
public record TestSuite(List<Path> visibleRoots, List<Path> resourceRoots, List<Path> hiddenRoots) {

  public List<Path> allRoots() {
    return java.util.stream.Stream.concat(visibleRoots.stream(), hiddenRoots.stream()).toList();
  }
}
