package io.minik8s.grader.grade;

import java.util.List;

/**
 * The grade of one submission across modules.
 *
 * @param submission what was graded, as shown to people (a path or "reference")
 * @param mode {@code isolated} (lower modules from the reference) or {@code integrated}
 */
public record GradeReport(String submission, String mode, List<ModuleGrade> modules) {

  public int earned() {
    return modules.stream().mapToInt(ModuleGrade::earned).sum();
  }

  public int max() {
    return modules.stream().mapToInt(ModuleGrade::max).sum();
  }

  /** The worst module status: one crashed module makes the submission's status {@code crashed}. */
  public String status() {
    List<String> order = List.of("ok", "compile-error", "timeout", "crashed");
    return modules.stream().map(ModuleGrade::status).max(java.util.Comparator.comparingInt(order::indexOf)).orElse("ok");
  }
}
