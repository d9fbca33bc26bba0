package io.minik8s.grader;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.grade.CourseGrader;
import io.minik8s.grader.run.ForkLimits;
import io.minik8s.grader.sync.ExerciseSync;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * A throwaway copy of the fixture course in {@code src/test/resources/fixture-course}: module
 * {@code 00-demo} (exercises 0.1 and 0.2, one hidden test) and {@code 01-calc} (1.1, built on
 * 00). Its exercises/ are generated on creation, so it starts as a student would.
 */
public final class FixtureCourse {

  /** Short limits: fixture tests take milliseconds, and hostile ones must not cost minutes. */
  public static final ForkLimits LIMITS =
      new ForkLimits(Duration.ofSeconds(3), Duration.ofSeconds(20), 256, 16 * 1024, 4L * 1024 * 1024);

  public final CourseRepo repo;

  private FixtureCourse(CourseRepo repo) {
    this.repo = repo;
  }

  public static FixtureCourse copyTo(Path dir) {
    try {
      Path source = Path.of(FixtureCourse.class.getResource("/fixture-course").toURI());
      copyTree(source, dir);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    FixtureCourse course = new FixtureCourse(new CourseRepo(dir));
    new ExerciseSync(course.repo).write();
    return course;
  }

  /** The real repository this build runs in, for its libraries. */
  public static Path home() {
    return Path.of(System.getProperty("minik8s.home", "..")).toAbsolutePath().normalize();
  }

  public static Libraries libraries() {
    return Libraries.of(home());
  }

  public CourseGrader grader() {
    return new CourseGrader(repo, libraries(), LIMITS);
  }

  public Path path(String relative) {
    return repo.root().resolve(relative);
  }

  public void write(String relative, String content) {
    try {
      Path file = path(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String read(String relative) {
    try {
      return Files.readString(path(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Puts the reference's code of a module in the student's exercises/, as a finished student would. */
  public void solve(String module) {
    copyTree(path("solutions/" + module + "/src/main"), path("exercises/" + module + "/src/main"));
  }

  public static void copyTree(Path from, Path to) {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
