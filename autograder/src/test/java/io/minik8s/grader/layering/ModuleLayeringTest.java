package io.minik8s.grader.layering;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import io.minik8s.grader.FixtureCourse;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModuleLayeringTest {

  @Test
  void theReferenceSolutionUsesOnlyLowerModules() {
    CourseRepo repo = new CourseRepo(FixtureCourse.home());
    List<ModuleId> modules = repo.modules().stream().filter(m -> Files.isDirectory(repo.solutionDir(m))).toList();
    List<Path> classDirs =
        modules.stream().map(m -> repo.solutionDir(m).resolve("target/classes")).filter(Files::isDirectory).toList();
    assertThat(classDirs).as("compiled reference modules (the reactor builds solutions/ first)").hasSameSizeAs(modules);

    JavaClasses classes = new ClassFileImporter().importPaths(classDirs);
    List<String> packages = modules.stream().map(m -> m.name().replace("-", "")).toList();
    EvaluationResult result = ModuleLayering.rule("io.minik8s", packages).evaluate(classes);
    assertThat(result.getFailureReport().getDetails()).isEmpty();
  }

  @Test
  void aLowerModuleUsingAHigherOneBreaksTheRule() {
    JavaClasses classes = new ClassFileImporter().importPackages("io.minik8s.grader.layering.fixture");
    EvaluationResult result =
        ModuleLayering.rule("io.minik8s.grader.layering.fixture", List.of("low", "high")).evaluate(classes);
    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allMatch(line -> line.contains("Low") && line.contains("High"));
  }
}
