package io.minik8s.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.build.Directories;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Runs compiled tests in a separate JVM with {@link ForkedTestRunner} and reads back what each
 * graded test did. Nothing the tests do can take the grader down with them: the fork has its own
 * heap limit, a wall-clock limit, a fresh working directory, an output cap and a thread cap, and
 * when it dies early every graded test it had not finished fails with a sentence saying why.
 */
/*
 * Design note: what a hostile submission can and cannot do. Java 17+ has no SecurityManager, so
 * the fork is contained by what it is given, not by permission checks.
 *
 * Each fork gets a private temporary tree, deleted afterwards:
 *
 *   minik8s-fork-123/
 *     work/            the working directory (user.dir, user.home): relative paths, "../x", and
 *                      deleting "everything here" only ever touch this throw-away tree
 *     tmp/             java.io.tmpdir: temporary files go with the tree
 *     classpath/0..n   private copies of every directory on the classpath (the compiled module,
 *                      the compiled tests, the grader's classes); a fork that rewrites a .class
 *                      file cannot poison the shared compile cache for the next submission
 *     results.jsonl    what ForkedTestRunner reports, outside the working directory
 *
 * so neither the working directory, the classpath nor the arguments name the instructor's
 * repository, and the hidden tests' sources are never on the classpath (only their compiled
 * classes, which the tests need to run).
 *
 * Run as the grader's user (the default), the fork is not walled off from the grader: code written
 * to attack it can find the repository (the parent's working directory and command line under
 * /proc, or a search of the disk) and read or change anything that user can (the hidden tests'
 * sources, ~/.m2, the grade being written), or kill the grader. None of this happens by accident,
 * and all of it is visible in the submitted source.
 *
 * Run as a ForkUser (--fork-user, which Gradescope's run_autograder uses), the kernel enforces the
 * wall: the tree above is root's, readable by the user's group, and only work/, tmp/ and
 * results.jsonl are the user's; the libraries are linked or copied in. The fork can no longer
 * signal or trace the grader, write its results or cache, or read files kept from other users
 * (setup.sh makes the packaged solutions and hidden sources root-only). What stays possible in
 * every mode, because the tests run in the submission's JVM: reading the hidden tests' compiled
 * classes, forging its own results.jsonl lines, and opening network connections. A grade that
 * must resist those needs the submission's source read by a person, or tests run out of process.
 */
public final class TestFork {

  /**
   * New JVMs started after a test crashed one, per module run. A submission whose every call
   * exits would otherwise cost a JVM start per test.
   */
  static final int MAX_RESUMES = 3;

  private final ForkLimits limits;
  private final Long orderSeed;
  private final Optional<ForkUser> user;
  private final ObjectMapper json = new ObjectMapper();

  public TestFork(ForkLimits limits) {
    this(limits, null, Optional.empty());
  }

  private TestFork(ForkLimits limits, Long orderSeed, Optional<ForkUser> user) {
    this.limits = limits;
    this.orderSeed = orderSeed;
    this.user = user;
  }

  /** The same fork, but test classes and methods run in an order shuffled with {@code seed}. */
  public TestFork shuffled(long seed) {
    return new TestFork(limits, seed, user);
  }

  /** The same fork, but the test JVM runs as {@code user} instead of the grader's user. */
  public TestFork runningAs(ForkUser user) {
    return new TestFork(limits, orderSeed, Optional.of(user));
  }

  /**
   * @param classpath libraries first, then test classes, then the code under test
   * @param testClasses the classpath root whose tests run
   * @param hiddenClasses names of the test classes that came from the hidden tests
   * @param exercise run only the graded tests of this exercise, if present
   */
  public ForkResult run(List<Path> classpath, Path testClasses, Set<String> hiddenClasses, Optional<String> exercise) {
    Map<String, GradedTest> planned = new LinkedHashMap<>();
    Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
    Set<String> skip = new LinkedHashSet<>(); // finished, or took a JVM down: never run again
    StringBuilder output = new StringBuilder();
    List<String> problems = new ArrayList<>();
    for (int fork = 0; ; fork++) {
      Observed run = runOnce(classpath, testClasses, hiddenClasses, exercise, skip);
      run.planned().forEach(planned::putIfAbsent);
      output.append(run.output());
      String problem = run.problem();
      Optional<String> culprit = run.crashedIn();
      if (problem == null || culprit.isEmpty() || fork == MAX_RESUMES || !run.resumable()) {
        outcomes.putAll(run.outcomes(problem));
        if (problem != null) {
          problems.add(problem);
        }
        break;
      }
      // the JVM died inside one test: that test fails, the others get a fresh JVM
      Map<String, TestOutcome> finished = run.finishedOutcomes();
      outcomes.putAll(finished);
      skip.addAll(finished.keySet());
      skip.add(culprit.get());
      GradedTest crashed = planned.get(culprit.get());
      if (crashed != null) {
        outcomes.put(crashed.key(), TestOutcome.failed(crashed, problem));
      }
      problems.add(problem + " (in " + (crashed != null ? crashed.displayName() : displayName(culprit.get()))
          + "; the tests after it ran in a new JVM)");
    }
    List<TestOutcome> ordered = new ArrayList<>();
    planned.keySet().forEach(key -> {
      TestOutcome o = outcomes.get(key);
      ordered.add(o != null ? o : TestOutcome.failed(planned.get(key), "the test did not run"));
    });
    return new ForkResult(List.copyOf(ordered), problems.isEmpty() ? null : String.join("; ", problems), output.toString());
  }

  /** One forked JVM, skipping the tests whose keys are in {@code skip}. */
  private Observed runOnce(
      List<Path> classpath, Path testClasses, Set<String> hiddenClasses, Optional<String> exercise, Set<String> skip) {
    Path forkRoot = null;
    Process process = null;
    InputStream resultsIn = null;
    try {
      forkRoot = Files.createTempDirectory("minik8s-fork-");
      Path workDir = Files.createDirectory(forkRoot.resolve("work"));
      Path tmpDir = Files.createDirectory(forkRoot.resolve("tmp"));
      Path results = Files.createFile(forkRoot.resolve("results.jsonl"));
      Path skipFile = Files.write(forkRoot.resolve("skip.txt"), skip, StandardCharsets.UTF_8);
      // opened before the fork starts: what it wrote stays readable even if it deletes the file
      resultsIn = Files.newInputStream(results);
      PrivateClasspath copies = privateClasspath(forkRoot, classpath, testClasses);
      if (user.isPresent()) {
        handOver(forkRoot, user.get(), List.of(workDir, tmpDir, results));
      }
      List<String> command = javaCommand(copies, results, skipFile, workDir, tmpDir, exercise);
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
      builder.environment().put("HOME", workDir.toString());
      builder.environment().put("TMPDIR", tmpDir.toString());
      Process child = builder.start();
      process = child;
      child.getOutputStream().close();
      AtomicBoolean flooded = new AtomicBoolean();
      OutputCapture output =
          new OutputCapture(
              child.getInputStream(),
              limits.outputCapBytes(),
              limits.outputKillBytes(),
              () -> {
                flooded.set(true);
                kill(child);
              });
      boolean finished = child.waitFor(limits.module().toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        kill(child);
        child.waitFor();
      }
      String printed = output.await();
      List<String> lines = new String(resultsIn.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      return observe(lines, hiddenClasses, finished, flooded.get(), child.exitValue(), printed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tests were running", e);
    } finally {
      if (process != null && process.isAlive()) {
        kill(process); // interrupted: never leave a test JVM writing into a deleted directory
      }
      closeQuietly(resultsIn);
      if (forkRoot != null) {
        Directories.deleteRecursively(forkRoot);
      }
    }
  }

  /** The classpath as the fork sees it, and where the tests' classes are on it. */
  private record PrivateClasspath(List<Path> entries, Path testClasses) {}

  /**
   * Copies each directory of {@code classpath} under {@code forkRoot}/classpath, so that nothing
   * the fork does to them reaches the shared compile cache; a fork running as another user also
   * gets the libraries, which may sit where it cannot go (root's ~/.m2).
   */
  private PrivateClasspath privateClasspath(Path forkRoot, List<Path> classpath, Path testClasses) throws IOException {
    List<Path> entries = new ArrayList<>();
    Path privateTestClasses = testClasses;
    for (Path entry : classpath) {
      Path copy = entry;
      if (Files.isDirectory(entry)) {
        copy = forkRoot.resolve("classpath").resolve(Integer.toString(entries.size()));
        Directories.copyTree(entry, copy);
        if (entry.equals(testClasses)) {
          privateTestClasses = copy;
        }
      } else if (user.isPresent()) {
        copy = forkRoot.resolve("lib").resolve(entries.size() + "-" + entry.getFileName());
        linkOrCopy(entry, copy);
      }
      entries.add(copy);
    }
    return new PrivateClasspath(entries, privateTestClasses);
  }

  /** The test JVM's command line: its limits, its private paths, and the user it runs as. */
  private List<String> javaCommand(
      PrivateClasspath classpath, Path results, Path skipFile, Path workDir, Path tmpDir, Optional<String> exercise) {
    List<String> command = new ArrayList<>();
    user.ifPresent(u -> command.addAll(u.commandPrefix()));
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx" + limits.heapMegabytes() + "m",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-UsePerfData",
            "-Xshare:auto",
            "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8",
            "-Duser.language=en",
            // what the tests leave in temporary files or their home goes with the fork's tree
            "-Djava.io.tmpdir=" + tmpDir,
            "-Duser.home=" + workDir));
    if (orderSeed != null) {
      command.add("-D" + ForkedTestRunner.ORDER_SEED + "=" + orderSeed);
    }
    command.add("-D" + ForkedTestRunner.SKIP_FILE + "=" + skipFile);
    command.addAll(
        List.of(
            "-cp",
            classpath.entries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
            ForkedTestRunner.class.getName(),
            results.toString(),
            classpath.testClasses().toString(),
            Long.toString(limits.perTest().toSeconds())));
    exercise.ifPresent(command::add);
    return command;
  }

  private Observed observe(
      List<String> lines, Set<String> hiddenClasses, boolean finished, boolean flooded, int exitCode, String output) {
    Map<String, GradedTest> planned = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, Boolean> passed = new LinkedHashMap<>();
    Map<String, String> classFailures = new LinkedHashMap<>();
    String running = null;
    boolean done = false;
    int threadBomb = 0;
    for (String text : lines) {
      JsonNode line;
      try {
        line = json.readTree(text);
      } catch (IOException e) {
        continue; // the last line of a killed fork may be cut short
      }
      switch (line.path("event").asText()) {
        case "planned" -> {
          String cls = line.path("class").asText();
          GradedTest test =
              new GradedTest(
                  line.path("key").asText(),
                  cls,
                  line.path("method").asText(),
                  line.path("exercise").asText(),
                  line.path("points").asInt(),
                  line.path("hint").asText(),
                  hiddenClasses.contains(topLevel(cls)));
          planned.put(test.key(), test);
        }
        case "started" -> running = line.path("key").asText();
        case "finished" -> {
          String key = line.path("key").asText();
          if (line.path("status").asText().equals("SUCCESSFUL")) {
            passed.putIfAbsent(key, true);
          } else {
            passed.put(key, false);
            failures.putIfAbsent(key, line.path("message").asText());
          }
        }
        case "classFailed" -> classFailures.putIfAbsent(topLevel(line.path("class").asText()), line.path("message").asText());
        case "threads" -> threadBomb = line.path("count").asInt();
        case "done" -> done = true;
        default -> { }
      }
    }

    String problem = null;
    // a JVM that exited or ran out of memory inside one test can go on in a new one; a flood, a
    // thread bomb or the module time limit would only repeat, and cost the next fork its time
    boolean resumable = false;
    if (flooded) {
      problem = "the tests printed more than " + limits.outputKillBytes() / (1024 * 1024) + " MB and were stopped";
    } else if (threadBomb > 0) {
      problem =
          "the tests started more than " + ForkedTestRunner.MAX_THREADS + " threads (" + threadBomb
              + " at once) and were stopped: is a thread started on every call and never ended?";
    } else if (!finished) {
      problem =
          "the tests ran past the " + limits.module().toSeconds()
              + " s limit for the module and were stopped: look for an infinite loop or a call that blocks forever";
    } else if (output.contains("OutOfMemoryError")) {
      problem = "the test JVM ran out of memory (heap limit " + limits.heapMegabytes() + " MB)";
      resumable = true;
    } else if (!done) {
      problem =
          "the test JVM exited with code " + exitCode
              + " before the tests finished: does the code call System.exit or Runtime.halt?";
      resumable = true;
    }
    Optional<String> crashedIn = Optional.ofNullable(running).filter(key -> !passed.containsKey(key));
    return new Observed(planned, passed, failures, classFailures, crashedIn, problem, resumable, output);
  }

  /**
   * Lets {@code user} into the fork's tree: root keeps owning it, the user's group may read it
   * (the classpath copies, the skip list), and only {@code own} becomes the user's to write.
   */
  private static void handOver(Path forkRoot, ForkUser user, List<Path> own) throws IOException {
    Files.setAttribute(forkRoot, "unix:gid", user.gid());
    Files.setPosixFilePermissions(forkRoot, PosixFilePermissions.fromString("rwxr-x---"));
    for (Path path : own) {
      Files.setAttribute(path, "unix:uid", user.uid());
      Files.setAttribute(path, "unix:gid", user.gid());
    }
  }

  /** A hard link costs nothing where the file system allows one; a copy otherwise. */
  private static void linkOrCopy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    try {
      Files.createLink(to, from);
    } catch (IOException | UnsupportedOperationException e) {
      Files.copy(from, to);
    }
  }

  /** What one fork reported. */
  private record Observed(
      Map<String, GradedTest> planned,
      Map<String, Boolean> passed,
      Map<String, String> failures,
      Map<String, String> classFailures,
      Optional<String> crashedIn,
      String problem,
      boolean resumable,
      String output) {

    /** The tests that finished, passed or failed. */
    Map<String, TestOutcome> finishedOutcomes() {
      Map<String, TestOutcome> outcomes = new LinkedHashMap<>();
      passed.forEach((key, ok) -> {
        GradedTest test = planned.get(key);
        if (test != null) {
          outcomes.put(key, ok ? TestOutcome.passed(test) : TestOutcome.failed(test, failures.get(key)));
        }
      });
      return outcomes;
    }

    /** Every planned test: unfinished ones fail with their class's failure or {@code problem}. */
    Map<String, TestOutcome> outcomes(String problem) {
      Map<String, TestOutcome> outcomes = finishedOutcomes();
      for (GradedTest test : planned.values()) {
        if (!outcomes.containsKey(test.key())) {
          String reason =
              classFailures.getOrDefault(topLevel(test.className()), problem != null ? problem : "the test did not run");
          outcomes.put(test.key(), TestOutcome.failed(test, reason));
        }
      }
      return outcomes;
    }
  }

  /** {@code ExitTest.b_exits} for the key {@code demo.ExitTest#b_exits()}. */
  private static String displayName(String key) {
    String className = key.substring(0, key.indexOf('#'));
    String method = key.substring(key.indexOf('#') + 1, key.indexOf('('));
    return className.substring(className.lastIndexOf('.') + 1) + "." + method;
  }

  private static String topLevel(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  private static void closeQuietly(InputStream in) {
    if (in != null) {
      try {
        in.close();
      } catch (IOException e) {
        // nothing left to read
      }
    }
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
