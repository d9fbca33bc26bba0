package io.minik8s.grader.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InstructorSectionsTest {

  @Test
  void dropsInstructorSectionsUpToTheNextTopHeading() {
    String lesson = """
        # Module 09

        ## Exercises

        ### 9.1 Do it
        text
        ## Instructor notes

        - mutation score 87 %
        ### a sub-heading of the notes
        more notes
        ## Interview questions
        Why?
        """;
    assertThat(InstructorSections.strip(lesson)).isEqualTo("""
        # Module 09

        ## Exercises

        ### 9.1 Do it
        text
        ## Interview questions
        Why?
        """);
  }

  @Test
  void aLastInstructorSectionLeavesOneFinalNewline() {
    assertThat(InstructorSections.strip("# T\n\ntext\n\n## Instructors\n\nsecret\n")).isEqualTo("# T\n\ntext\n");
  }

  @Test
  void aShellCommentInACodeBlockIsNotAHeading() {
    String markdown = """
        ## Instructor notes
        ```bash
        # not a heading: the section goes on
        secret
        ```
        ## Hints
        hint
        """;
    assertThat(InstructorSections.strip(markdown)).isEqualTo("## Hints\nhint\n");
  }

  @Test
  void dropsMarkedBlocksAndTheirMarkers() {
    String readme = """
        # Course
        <!-- instructor-only -->
        ## Set up
        ./course grade --reference
        <!-- /instructor-only -->
        ## Students
        ./course check 00
        """;
    assertThat(InstructorSections.strip(readme)).isEqualTo("# Course\n## Students\n./course check 00\n");
  }

  @Test
  void keepsEverythingElseByteForByte() {
    String text = "# A\n\n## Instructions for students\n\n```\n## Instructor notes in a code block\n```\n";
    assertThat(InstructorSections.strip(text)).isEqualTo(text);
  }
}
