package io.minik8s.grader.run;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;

import io.minik8s.grader.Graded;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the forked test JVM. It runs the graded tests under one classpath root through
 * the JUnit Platform Launcher and appends what happens to a results file, one JSON object a line:
 *
 * <pre>
 * {"event":"planned","key":"a.BTest#m()","class":"a.BTest","method":"m","exercise":"0.2","points":2,"hint":""}
 * {"event":"started","key":"a.BTest#m()"}
 * {"event":"finished","key":"a.BTest#m()","status":"SUCCESSFUL","message":""}
 * {"event":"classFailed","class":"a.BTest","message":"..."}
 * {"event":"threads","count":1001}
 * {"event":"done"}
 * </pre>
 *
 * The file, not stdout, carries results because the code under test owns stdout. Each line is
 * flushed as it is written, so when the JVM dies mid-run (System.exit, out of memory, killed at
 * the module time limit) the grader still knows which tests finished, and which one was running
 * (started, not finished): the one that took the JVM down. It then runs the rest in a new fork,
 * telling it with the system property {@link #SKIP_FILE} which tests not to run again.
 *
 * <p>The code under test shares this JVM, so the runner trusts nothing it could plant:
 *
 * <ul>
 *   <li>only the JUnit Jupiter (and jqwik) engines run, registered by hand: a {@code TestEngine},
 *       listener or filter a submission lists under {@code META-INF/services} is never loaded, so
 *       it cannot report the instructor's tests as passed without running them;
 *   <li>no {@code junit-platform.properties} from the classpath is read (a submission could turn
 *       on extension auto-detection and swallow every failure);
 *   <li>classes and methods run in name order, so a submission whose static state makes one test
 *       pass only after another gets the same grade on every run and every machine;
 *   <li>a watchdog stops the run when the JVM holds more than {@link #MAX_THREADS} threads (a
 *       thread bomb would otherwise exhaust the grading machine's process table, which the
 *       heap limit does not bound);
 *   <li>before exiting it kills any process the tests started.
 * </ul>
 *
 * What remains possible is written in TestFork's design note.
 *
 * <p>Usage: {@code ForkedTestRunner RESULTS_FILE TEST_CLASSES_DIR PER_TEST_TIMEOUT_SECONDS [EXERCISE]}
 */
public final class ForkedTestRunner {

  /**
   * Tests tagged so run in the Maven build only, never when grading: slow reliability tests (a
   * crash test restarting a server 20 times) and tests against external software (real etcd).
   * They prove the reference; they grade nothing and would only make {@code check} slow.
   */
  public static final String BUILD_ONLY = "build-only";

  /**
   * More live threads than this is a thread bomb. A JVM running JUnit idles at about 20; the
   * course's concurrent modules (watch hubs, an apiserver with pools) stay in the low hundreds.
   */
  static final int MAX_THREADS = 1_000;

  /** Exit code of a run the thread watchdog stopped. */
  static final int THREAD_BOMB_EXIT = 97;

  /** The engines that may run tests; anything else on the classpath is ignored. */
  private static final List<String> ENGINES =
      List.of("org.junit.jupiter.engine.JupiterTestEngine", "net.jqwik.engine.JqwikTestEngine");

  /**
   * A system property of the fork: when set to a number, test classes and the methods of each
   * class run in an order shuffled with that seed ({@code ./course flaky}); the same seed gives
   * the same order, so a failure it finds can be replayed.
   */
  public static final String ORDER_SEED = "minik8s.order.seed";

  /**
   * A system property of the fork: a file listing test keys ({@link #key}), one a line, whose
   * tests are not run: those an earlier fork of the same module finished or crashed in.
   */
  public static final String SKIP_FILE = "minik8s.skip.file";

  private final BufferedWriter out;
  private TestPlan plan;

  private ForkedTestRunner(BufferedWriter out) {
    this.out = out;
  }

  public static void main(String[] args) throws IOException {
    Path results = Path.of(args[0]);
    Path testClasses = Path.of(args[1]);
    String perTestTimeout = args[2] + " s";
    Optional<String> exercise = args.length > 3 ? Optional.of(args[3]) : Optional.empty();

    try (BufferedWriter out = Files.newBufferedWriter(results, StandardCharsets.UTF_8)) {
      ForkedTestRunner runner = new ForkedTestRunner(out);
      LauncherDiscoveryRequestBuilder builder =
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClasspathRoots(Set.of(testClasses)))
              .filters(onlyGraded(exercise), notSkipped(skipped()), TagFilter.excludeTags(BUILD_ONLY))
              // a looping test is abandoned in its own thread and the run goes on
              .configurationParameter("junit.jupiter.execution.timeout.mode", "enabled")
              .configurationParameter("junit.jupiter.execution.timeout.default", perTestTimeout)
              .configurationParameter(
                  "junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
              .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
              .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
              .configurationParameter("jqwik.database", "jqwik-database")
              .enableImplicitConfigurationParameters(false);
      // Name order, so a grade never depends on the order the JVM lists classes in; the flake
      // check (./course flaky) shuffles it with a seed instead, to find order-dependent tests.
      String seed = System.getProperty(ORDER_SEED);
      if (seed == null) {
        builder
            .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$ClassName")
            .configurationParameter("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$MethodName");
      } else {
        builder
            .configurationParameter("junit.jupiter.testclass.order.default", "org.junit.jupiter.api.ClassOrderer$Random")
            .configurationParameter("junit.jupiter.testmethod.order.default", "org.junit.jupiter.api.MethodOrderer$Random")
            .configurationParameter("junit.jupiter.execution.order.random.seed", seed);
      }
      LauncherDiscoveryRequest request = builder.build();
      pollQuickly();
      runner.watchThreads();
      // loaded now: the tests may delete the classpath copy this class would later be read from
      Failures.describe(new AssertionError("preload"));
      Launcher launcher = LauncherFactory.create(trustedLauncher(testClasses));
      launcher.execute(request, runner.listener());
      runner.write(runner.event("done"));
    }
    exit(0);
  }

  /**
   * Awaitility's defaults check a condition first after 100 ms, then every 100 ms. The course's
   * tests wait on in-process servers and threads whose answer usually comes within a millisecond
   * or two, so each {@code await()} cost a tenth of a second of sleeping: about 80 of them make
   * 6 s of a full grade. Checking at once, then every 10 ms, waits for the same conditions with
   * the same time limits; a test that sets its own poll delay or interval keeps it.
   */
  private static void pollQuickly() {
    Awaitility.setDefaultPollDelay(Duration.ZERO);
    Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
  }

  /** Kills what the tests started and exits, whatever threads a submission left running. */
  private static void exit(int code) {
    System.out.flush();
    System.err.flush();
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
    // threads a submission left running must not keep the JVM (and the grader) waiting
    Runtime.getRuntime().halt(code);
  }

  private static LauncherConfig trustedLauncher(Path testClasses) throws IOException {
    LauncherConfig.Builder config =
        LauncherConfig.builder()
            .enableTestEngineAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .enableTestExecutionListenerAutoRegistration(false);
    for (String engine : ENGINES) {
      if (engine.startsWith("net.jqwik.") && !mentions(testClasses, "net/jqwik/api")) {
        continue; // starting jqwik costs a tenth of a fork's start-up; only property tests need it
      }
      try {
        // the grader's classpath comes first, so this is the library's class, not a submission's
        config.addTestEngines((TestEngine) Class.forName(engine).getDeclaredConstructor().newInstance());
      } catch (ClassNotFoundException e) {
        // an optional engine the course does not use
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot start the test engine " + engine, e);
      }
    }
    return config.build();
  }

  /** Whether any class file under {@code dir} refers to {@code name} (a package in internal form). */
  private static boolean mentions(Path dir, String name) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
        // class files keep names as (modified) UTF-8; ASCII names match byte for byte in Latin-1
        if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Checks the thread count every few milliseconds on a daemon thread. A bomb overshoots the
   * limit by what it starts in one period (a few hundred threads at most), which the machine
   * absorbs; the record it writes tells the grader why the run stopped.
   */
  private void watchThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    ThreadGroup all = root;
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "grader-thread-watchdog");
          t.setDaemon(true);
          return t;
        });
    watchdog.scheduleAtFixedRate(() -> {
      int count = all.activeCount(); // an estimate, and cheap; the margin over the limit absorbs it
      if (count > MAX_THREADS) {
        write(event("threads").put("count", count));
        exit(THREAD_BOMB_EXIT);
      }
    }, 5, 5, TimeUnit.MILLISECONDS);
  }

  /**
   * Only {@code @Graded} methods run (of one exercise, when asked): an ungraded test scores
   * nothing, so running it would only cost time and give a submission one more place to crash.
   */
  private static PostDiscoveryFilter onlyGraded(Optional<String> exercise) {
    return descriptor -> {
      if (!(descriptor.getSource().orElse(null) instanceof MethodSource m)) {
        return FilterResult.included("a container");
      }
      Graded graded = graded(m);
      if (graded == null) {
        return FilterResult.excluded("not graded");
      }
      return exercise.isEmpty() || graded.exercise().equals(exercise.get())
          ? FilterResult.included("graded")
          : FilterResult.excluded("not exercise " + exercise.get());
    };
  }

  private static Set<String> skipped() throws IOException {
    String file = System.getProperty(SKIP_FILE);
    return file == null ? Set.of() : Set.copyOf(Files.readAllLines(Path.of(file), StandardCharsets.UTF_8));
  }

  private static PostDiscoveryFilter notSkipped(Set<String> skipped) {
    return descriptor ->
        descriptor.getSource().orElse(null) instanceof MethodSource m && skipped.contains(key(m))
            ? FilterResult.excluded("ran in an earlier fork")
            : FilterResult.included("not run yet");
  }

  private TestExecutionListener listener() {
    return new TestExecutionListener() {
      @Override
      public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        plan.getRoots().forEach(root -> plan.getDescendants(root).forEach(id -> planned(id)));
      }

      @Override
      public void executionStarted(TestIdentifier id) {
        started(id);
      }

      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        finished(id, result.getStatus().name(), result.getThrowable().map(Failures::describe).orElse(""));
      }

      @Override
      public void executionSkipped(TestIdentifier id, String reason) {
        finished(id, "FAILED", "the test was skipped: " + reason);
      }
    };
  }

  private void planned(TestIdentifier id) {
    if (!(id.getSource().orElse(null) instanceof MethodSource m)) {
      return;
    }
    // a parameterized test is a container with one child per case; grade the method once
    if (id.getParentIdObject().flatMap(this::enclosingMethod).isPresent()) {
      return;
    }
    Graded graded = graded(m);
    if (graded == null) {
      return;
    }
    JsonLine line = event("planned");
    line.put("key", key(m));
    line.put("class", m.getClassName());
    line.put("method", m.getMethodName());
    line.put("exercise", graded.exercise());
    line.put("points", graded.points());
    line.put("hint", graded.hint());
    write(line);
  }

  /**
   * Marks a test method as running, once (not each case of a parameterized test): if it takes the
   * JVM down, the rest resume in a new one without it.
   */
  private void started(TestIdentifier id) {
    if (id.getSource().orElse(null) instanceof MethodSource m
        && id.getParentIdObject().flatMap(this::enclosingMethod).isEmpty()) {
      write(event("started").put("key", key(m)));
    }
  }

  /**
   * Reports under the test method itself, or under the method that generated this test: a case of
   * a parameterized test, a dynamic test of a factory. A method fails when any of its cases fails.
   */
  private void finished(TestIdentifier id, String status, String message) {
    Object source = id.getSource().orElse(null);
    Optional<MethodSource> method = enclosingMethod(id.getUniqueIdObject());
    if (method.isPresent() && graded(method.get()) != null) {
      MethodSource m = method.get();
      JsonLine line = event("finished");
      line.put("key", key(m));
      line.put("status", status);
      line.put("message", message);
      write(line);
    } else if (source instanceof ClassSource c && !status.equals("SUCCESSFUL")) {
      JsonLine line = event("classFailed");
      line.put("class", c.getClassName());
      line.put("message", message);
      write(line);
    }
  }

  private Optional<MethodSource> enclosingMethod(UniqueId uniqueId) {
    TestIdentifier id = plan.getTestIdentifier(uniqueId);
    while (true) {
      if (id.getSource().orElse(null) instanceof MethodSource m) {
        return Optional.of(m);
      }
      Optional<UniqueId> parent = id.getParentIdObject();
      if (parent.isEmpty()) {
        return Optional.empty();
      }
      id = plan.getTestIdentifier(parent.get());
    }
  }

  static String key(MethodSource m) {
    return m.getClassName() + "#" + m.getMethodName() + "(" + m.getMethodParameterTypes() + ")";
  }

  private static Graded graded(MethodSource m) {
    try {
      Method method = m.getJavaMethod();
      return method.getAnnotation(Graded.class);
    } catch (RuntimeException | LinkageError e) {
      return null;
    }
  }

  private JsonLine event(String name) {
    return JsonLine.event(name);
  }

  private synchronized void write(JsonLine line) {
    try {
      out.write(line.toString());
      out.newLine();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write test results", e);
    }
  }
}
