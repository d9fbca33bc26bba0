package io.minik8s.grader.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PomRewriteTest {

  private final PomRewrite rewrite =
      new PomRewrite(Map.of("minik8s-objects", "minik8s-objects-exercise", "minik8s-store", "minik8s-store-exercise"));

  @Test
  void theReactorLosesOnlyTheSolutionsModule() {
    String root = """
          <modules>
            <module>autograder/graded</module>
            <module>solutions</module>
            <module>exercises</module>
          </modules>
        """;
    assertThat(rewrite.rewrite(root)).isEqualTo("""
          <modules>
            <module>autograder/graded</module>
            <module>exercises</module>
          </modules>
        """);
  }

  @Test
  void referenceDependenciesBecomeTheStudentsOwnModules() {
    String pom = """
        <parent><artifactId>minik8s-exercises</artifactId></parent>
        <artifactId>minik8s-apiserver-exercise</artifactId>
        <dependency><artifactId>minik8s-objects</artifactId></dependency>
        <dependency><artifactId> minik8s-store </artifactId></dependency>
        <dependency><artifactId>minik8s-graded</artifactId></dependency>
        <dependency><artifactId>minik8s-objects-extra</artifactId></dependency>
        """;
    assertThat(rewrite.rewrite(pom)).isEqualTo("""
        <parent><artifactId>minik8s-exercises</artifactId></parent>
        <artifactId>minik8s-apiserver-exercise</artifactId>
        <dependency><artifactId>minik8s-objects-exercise</artifactId></dependency>
        <dependency><artifactId>minik8s-store-exercise</artifactId></dependency>
        <dependency><artifactId>minik8s-graded</artifactId></dependency>
        <dependency><artifactId>minik8s-objects-extra</artifactId></dependency>
        """);
  }

  @Test
  void aModulesOwnArtifactIsTheFirstAfterItsParent() {
    String pom = "<parent>\n<artifactId>minik8s-solutions</artifactId>\n</parent>\n<artifactId>minik8s-store</artifactId>\n"
        + "<dependency><artifactId>minik8s-objects</artifactId></dependency>";
    assertThat(PomRewrite.ownArtifactId(pom)).isEqualTo("minik8s-store");
    assertThat(PomRewrite.ownArtifactId("<project/>")).isNull();
  }
}
