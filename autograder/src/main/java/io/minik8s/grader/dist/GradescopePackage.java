package io.minik8s.grader.dist;

import io.minik8s.grader.build.Libraries;
import io.minik8s.grader.course.CourseRepo;
import io.minik8s.grader.course.ModuleId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds a Gradescope autograder package ({@code ./course gradescope OUT.zip}), in the format of
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/ : a zip with {@code setup.sh}
 * and {@code run_autograder} at its root, unpacked by Gradescope into {@code /autograder/source}.
 *
 * <pre>
 * setup.sh                 installs a JDK 17 (apt), then compiles the reference modules once so
 *                          every submission starts with a warm compile cache
 * run_autograder           grades /autograder/submission into /autograder/results/results.json
 * course/                  a minimal course tree the packaged grader runs on (-Dminik8s.home):
 *   lessons/NN/README.md     exercises and points, for every module up to the highest graded
 *   solutions/NN/src/main    the reference of the modules below the highest graded one, which
 *                            isolation grading builds a student's module on
 *   solutions/NN/src/test    the visible tests of each graded module (never the student's copy)
 *   autograder/hidden/NN     the hidden tests of each graded module
 *   autograder/target/       the grader's classes and its libraries (lib/*.jar, classpath.txt):
 *                            grading downloads nothing
 * </pre>
 *
 * The zip's entries carry a fixed timestamp so the same inputs give the same bytes.
 */
public final class GradescopePackage {

  private static final FileTime EPOCH = FileTime.fromMillis(315532800000L); // 1980-01-01, zip's first representable day

  private final CourseRepo repo;
  private final Libraries libraries;

  public GradescopePackage(CourseRepo repo, Libraries libraries) {
    this.repo = repo;
    this.libraries = libraries;
  }

  /** What {@link #write} produced. */
  public record Result(Path zip, List<ModuleId> modules, int files, int maxPoints) {}

  public Result write(Path zip, List<ModuleId> modules) {
    if (!repo.hasSolutions()) {
      throw new IllegalStateException("./course gradescope needs the instructor's repository (solutions/ and the hidden tests)");
    }
    if (modules.isEmpty()) {
      throw new IllegalArgumentException("no module to grade: give --modules 00,01 or add a module with a solution");
    }
    for (ModuleId m : modules) {
      if (!Files.isDirectory(repo.solutionDir(m).resolve("src/test"))) {
        throw new IllegalArgumentException("module " + m + " has no reference tests in " + repo.root().relativize(repo.solutionDir(m))
            + ": grade only modules that have a solution");
      }
    }
    ModuleId highest = modules.stream().max(ModuleId::compareTo).orElseThrow();
    Map<String, Source> entries = new LinkedHashMap<>();
    entries.put("setup.sh", Source.text(script("setup.sh", modules)));
    entries.put("run_autograder", Source.text(script("run_autograder", modules)));
    int maxPoints = 0;
    for (ModuleId m : repo.modules()) {
      if (m.compareTo(highest) > 0) {
        continue;
      }
      addFile(entries, "course/" + rel(repo.lessonFile(m)), repo.lessonFile(m));
      if (m.compareTo(highest) < 0) {
        addTree(entries, "course/" + rel(repo.solutionDir(m).resolve("src/main")), repo.solutionDir(m).resolve("src/main"));
      }
      if (modules.contains(m)) {
        addTree(entries, "course/" + rel(repo.solutionDir(m).resolve("src/test")), repo.solutionDir(m).resolve("src/test"));
        addTree(entries, "course/" + rel(repo.hiddenTestsDir(m)), repo.hiddenTestsDir(m));
        maxPoints += repo.lesson(m).totalPoints();
      }
    }
    addGrader(entries);
    try {
      Path parent = zip.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream file = Files.newOutputStream(zip); ZipOutputStream out = new ZipOutputStream(file)) {
        for (Map.Entry<String, Source> e : entries.entrySet()) {
          ZipEntry entry = new ZipEntry(e.getKey());
          entry.setLastModifiedTime(EPOCH);
          out.putNextEntry(entry);
          e.getValue().writeTo(out);
          out.closeEntry();
        }
      }
      markExecutable(zip, List.of("setup.sh", "run_autograder"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + zip + ": " + e.getMessage(), e);
    }
    return new Result(zip, List.copyOf(modules), entries.size(), maxPoints);
  }

  /**
   * The grader as {@code course/autograder/target/}: {@code classes/}, every library in
   * {@code lib/} (a directory entry, such as an IDE's classes folder, is zipped into a jar) and a
   * {@code classpath.txt} of paths relative to {@code target/}, in the original order.
   */
  private void addGrader(Map<String, Source> entries) {
    List<Path> all = libraries.entries();
    addTree(entries, "course/autograder/target/classes", all.get(0));
    List<String> classpath = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Path lib : all.subList(1, all.size())) {
      String base = Files.isDirectory(lib) ? lib.getParent().getFileName() + "-" + lib.getFileName() + ".jar" : lib.getFileName().toString();
      String name = base;
      for (int i = 2; !names.add(name); i++) {
        name = i + "-" + base;
      }
      entries.put("course/autograder/target/lib/" + name, Files.isDirectory(lib) ? Source.jarOf(lib) : Source.file(lib));
      classpath.add("lib/" + name);
    }
    entries.put("course/autograder/target/classpath.txt", Source.text(String.join(":", classpath) + "\n"));
  }

  /**
   * Sets rwxr-xr-x on the scripts inside the zip: Gradescope runs {@code run_autograder} as a
   * program, and unzip restores the mode. The JDK's zip file system stores POSIX permissions when
   * asked to.
   */
  private static void markExecutable(Path zip, List<String> names) throws IOException {
    try (FileSystem fs = FileSystems.newFileSystem(zip, Map.of("enablePosixFileAttributes", "true"))) {
      for (String name : names) {
        Files.setPosixFilePermissions(fs.getPath(name), PosixFilePermissions.fromString("rwxr-xr-x"));
      }
    }
  }

  private String rel(Path p) {
    return repo.root().relativize(p).toString().replace('\\', '/');
  }

  private static void addFile(Map<String, Source> entries, String name, Path file) {
    if (Files.isRegularFile(file)) {
      entries.put(name, Source.file(file));
    }
  }

  private static void addTree(Map<String, Source> entries, String prefix, Path root) {
    for (Path file : files(root)) {
      entries.put(prefix + "/" + root.relativize(file).toString().replace('\\', '/'), Source.file(file));
    }
  }

  private static List<Path> files(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(p -> !Files.isSymbolicLink(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  /** A packaged script: the template shipped with the grader, with the graded modules filled in. */
  private static String script(String name, List<ModuleId> modules) {
    String resource = "/io/minik8s/grader/dist/gradescope/" + name;
    try (InputStream in = GradescopePackage.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the grader is missing its resource " + resource + ": rebuild it (./mvnw -pl autograder package)");
      }
      String modulesArg = modules.stream().map(ModuleId::number).collect(Collectors.joining(","));
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@MODULES@", modulesArg);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  /** The bytes of one zip entry. */
  private interface Source {
    void writeTo(OutputStream out) throws IOException;

    static Source text(String text) {
      return out -> out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    static Source file(Path file) {
      return out -> Files.copy(file, out);
    }

    static Source jarOf(Path dir) {
      return out -> {
        ZipOutputStream jar = new ZipOutputStream(out);
        for (Path f : files(dir)) {
          ZipEntry entry = new ZipEntry(dir.relativize(f).toString().replace('\\', '/'));
          entry.setLastModifiedTime(EPOCH);
          jar.putNextEntry(entry);
          Files.copy(f, jar);
          jar.closeEntry();
        }
        jar.finish();
      };
    }
  }
}
