package io.minik8s.grader.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.build.Directories;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * heap limit, a wall-clock limit, a fresh working directory and an output cap, and when it dies
 * early every graded test it had not finished fails with a sentence saying why.
 */
public final class TestFork {

  private final ForkLimits limits;
  private final Long orderSeed;
  private final ObjectMapper json = new ObjectMapper();

  public TestFork(ForkLimits limits) {
    this(limits, null);
  }

  private TestFork(ForkLimits limits, Long orderSeed) {
    this.limits = limits;
    this.orderSeed = orderSeed;
  }

  /** The same fork, but test classes and methods run in an order shuffled with {@code seed}. */
  public TestFork shuffled(long seed) {
    return new TestFork(limits, seed);
  }

  /**
   * @param classpath libraries first, then test classes, then the code under test
   * @param testClasses the classpath root whose tests run
   * @param hiddenClasses names of the test classes that came from the hidden tests
   * @param exercise run only the graded tests of this exercise, if present
   */
  public ForkResult run(List<Path> classpath, Path testClasses, Set<String> hiddenClasses, Optional<String> exercise) {
    Path workDir = null;
    Process process = null;
    try {
      workDir = Files.createTempDirectory("minik8s-test-");
      Path results = workDir.resolve(".results.jsonl");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(
          List.of(
              "-Xmx" + limits.heapMegabytes() + "m",
              "-XX:+UseSerialGC",
              "-XX:TieredStopAtLevel=1",
              "-XX:+ExitOnOutOfMemoryError",
              "-Xshare:auto",
              "-Djava.awt.headless=true",
              "-Dfile.encoding=UTF-8",
              "-Duser.language=en"));
      if (orderSeed != null) {
        command.add("-D" + ForkedTestRunner.ORDER_SEED + "=" + orderSeed);
      }
      command.addAll(
          List.of(
              "-cp",
              classpath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)),
              ForkedTestRunner.class.getName(),
              results.toString(),
              testClasses.toString(),
              Long.toString(limits.perTest().toSeconds())));
      exercise.ifPresent(command::add);

      Process child =
          new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
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
      return interpret(results, hiddenClasses, finished, flooded.get(), child.exitValue(), printed);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test JVM", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while tests were running", e);
    } finally {
      if (process != null && process.isAlive()) {
        kill(process); // interrupted: never leave a test JVM writing into a deleted directory
      }
      if (workDir != null) {
        Directories.deleteRecursively(workDir);
      }
    }
  }

  private ForkResult interpret(
      Path results, Set<String> hiddenClasses, boolean finished, boolean flooded, int exitCode, String output)
      throws IOException {
    Map<String, GradedTest> planned = new LinkedHashMap<>();
    Map<String, String> failures = new LinkedHashMap<>();
    Map<String, Boolean> passed = new LinkedHashMap<>();
    Map<String, String> classFailures = new LinkedHashMap<>();
    boolean done = false;
    List<String> lines = Files.isRegularFile(results) ? Files.readAllLines(results) : List.of();
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
        case "done" -> done = true;
        default -> { }
      }
    }

    String problem = null;
    if (flooded) {
      problem = "the tests printed more than " + limits.outputKillBytes() / (1024 * 1024) + " MB and were stopped";
    } else if (!finished) {
      problem =
          "the tests ran past the " + limits.module().toSeconds()
              + " s limit for the module and were stopped: look for an infinite loop or a call that blocks forever";
    } else if (output.contains("OutOfMemoryError")) {
      problem = "the test JVM ran out of memory (heap limit " + limits.heapMegabytes() + " MB)";
    } else if (!done) {
      problem =
          "the test JVM exited with code " + exitCode
              + " before the tests finished: does the code call System.exit or Runtime.halt?";
    }

    List<TestOutcome> outcomes = new ArrayList<>();
    for (GradedTest test : planned.values()) {
      Boolean ok = passed.get(test.key());
      if (ok == null) {
        String reason =
            classFailures.getOrDefault(
                topLevel(test.className()), problem != null ? problem : "the test did not run");
        outcomes.add(TestOutcome.failed(test, reason));
      } else if (ok) {
        outcomes.add(TestOutcome.passed(test));
      } else {
        outcomes.add(TestOutcome.failed(test, failures.get(test.key())));
      }
    }
    return new ForkResult(List.copyOf(outcomes), problem, output);
  }

  private static String topLevel(String className) {
    int nested = className.indexOf('$');
    return nested < 0 ? className : className.substring(0, nested);
  }

  private static void kill(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }
}
