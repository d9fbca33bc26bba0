package io.minik8s.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a module's sources with the JDK's in-process compiler, independent of the
 * submission's build files: the grader decides the release, the classpath and the flags.
 *
 * <p>Results are cached under {@code cacheRoot/<key>}, where the key digests the sources, the
 * classpath and the compiler, so an unchanged module is never compiled twice (this is what makes
 * a warm {@code ./course check} fast). Entries are written to a temporary directory and renamed
 * into place, so concurrent graders sharing a cache never see half an entry.
 */
public final class ModuleCompiler {

  /** The release every module targets; matches the reactor's {@code maven.compiler.release}. */
  static final String RELEASE = "17";

  private final Path cacheRoot;
  private final Path displayBase;

  /**
   * @param cacheRoot where compiled trees are kept
   * @param displayBase error file names are shown relative to this directory
   */
  public ModuleCompiler(Path cacheRoot, Path displayBase) {
    this.cacheRoot = cacheRoot;
    this.displayBase = displayBase.toAbsolutePath().normalize();
  }

  public CompileResult compile(String label, SourceTree tree, List<Path> classpath) {
    Path entry = cacheRoot.resolve(key(tree, classpath));
    Path classes = entry.resolve("classes");
    Path errorsFile = entry.resolve("errors.txt");
    if (Files.isRegularFile(errorsFile)) {
      return new CompileResult(label, readString(errorsFile).isEmpty(), classes, readString(errorsFile));
    }
    Path staging = cacheRoot.resolve("tmp-" + UUID.randomUUID());
    try {
      Files.createDirectories(staging.resolve("classes"));
      String errors = javac(tree, classpath, staging.resolve("classes"));
      if (errors.isEmpty()) {
        copyResources(tree, staging.resolve("classes"));
      }
      Files.writeString(staging.resolve("errors.txt"), errors);
      publish(staging, entry);
      return new CompileResult(label, errors.isEmpty(), classes, errors);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the compile cache under " + cacheRoot, e);
    } finally {
      Directories.deleteRecursively(staging);
    }
  }

  private String javac(SourceTree tree, List<Path> classpath, Path out) throws IOException {
    List<Path> sources = tree.javaFiles();
    if (sources.isEmpty()) {
      return "";
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException(
          "this Java has no compiler (a JRE?): install a JDK 17+ and point JAVA_HOME at it");
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    List<String> options =
        List.of(
            "--release", RELEASE,
            "-encoding", "UTF-8",
            "-proc:none",
            "-parameters",
            "-nowarn",
            "-implicit:none",
            "-d", out.toString(),
            "-cp", classpath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator)));
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean ok =
          compiler
              .getTask(null, files, diagnostics, options, null, files.getJavaFileObjectsFromPaths(sources))
              .call();
      String errors =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(this::format)
              .collect(Collectors.joining("\n"));
      return ok ? "" : (errors.isEmpty() ? "the compiler failed without a message" : errors);
    }
  }

  private String format(Diagnostic<? extends JavaFileObject> d) {
    String where = "";
    if (d.getSource() != null) {
      Path file = Path.of(d.getSource().toUri()).toAbsolutePath().normalize();
      where = display(file) + ":" + d.getLineNumber() + ": ";
    }
    return where + "error: " + d.getMessage(Locale.ROOT);
  }

  /**
   * A path as its author knows it: relative to the repository, or for a private copy of a
   * submission, from its {@code exercises/} directory on.
   */
  private String display(Path file) {
    if (file.startsWith(displayBase)) {
      return displayBase.relativize(file).toString();
    }
    for (int i = file.getNameCount() - 1; i >= 0; i--) {
      if (file.getName(i).toString().equals("exercises")) {
        return file.subpath(i, file.getNameCount()).toString();
      }
    }
    return file.toString();
  }

  private static void copyResources(SourceTree tree, Path out) throws IOException {
    for (Path root : tree.resourceRoots()) {
      for (Path file : SourceTree.filesUnder(root)) {
        Path target = out.resolve(root.relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static String key(SourceTree tree, List<Path> classpath) {
    MessageDigest sha = SourceTree.sha256();
    sha.update(tree.digest().getBytes(StandardCharsets.UTF_8));
    for (Path entry : classpath) {
      sha.update(entry.toAbsolutePath().toString().getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
    }
    sha.update(("release " + RELEASE + " on " + Runtime.version().feature()).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(sha.digest()).substring(0, 32);
  }

  private static void publish(Path staging, Path entry) throws IOException {
    Files.createDirectories(entry.getParent());
    try {
      Files.move(staging, entry, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // another grader published the same key first; its entry is identical by construction
    } catch (IOException e) {
      if (!Files.isDirectory(entry)) {
        throw e;
      }
    }
  }

  private static String readString(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
