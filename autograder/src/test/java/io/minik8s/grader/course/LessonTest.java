package io.minik8s.grader.course;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonTest {

  @TempDir Path dir;

  @Test
  void readsTheExerciseTableAndTheHintsSections() throws Exception {
    Path file = dir.resolve("README.md");
    Files.writeString(file, """
        # 00 — objects

        | Exercise | Title | Points |
        |---|---|---:|
        | 0.1 | Resource quantities | 12 |
        | 0.2 |  Label selectors  | 8 |

        ## Hints

        ### 0.1 Resource quantities
        First hint.

        Second hint.

        ### 0.2 — Label selectors
        Tokenize first.

        ## Interview questions
        ### 0.3 is not a hint
        """);
    Lesson lesson = Lesson.read(file);
    assertThat(lesson.exercises())
        .containsExactly(new Exercise("0.1", "Resource quantities", 12), new Exercise("0.2", "Label selectors", 8));
    assertThat(lesson.totalPoints()).isEqualTo(20);
    assertThat(lesson.hints()).containsOnlyKeys("0.1", "0.2");
    assertThat(lesson.hints().get("0.1")).isEqualTo("First hint.\n\nSecond hint.");
    assertThat(lesson.hints().get("0.2")).isEqualTo("Tokenize first.");
  }

  @Test
  void aDuplicateRowIsAnErrorNamingTheLine() throws Exception {
    Path file = dir.resolve("README.md");
    Files.writeString(file, "| 0.1 | A | 1 |\n| 0.1 | B | 2 |\n");
    assertThatThrownBy(() -> Lesson.read(file))
        .hasMessageContaining("README.md:2: exercise 0.1 appears twice");
  }
}
