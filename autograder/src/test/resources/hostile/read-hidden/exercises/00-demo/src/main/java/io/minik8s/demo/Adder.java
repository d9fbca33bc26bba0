package io.minik8s.demo;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Correct, but first looks for the hidden tests' and the reference's sources through everything
 * the grader handed the fork (working directory, classpath, system properties, environment),
 * and prints any it finds. It also checks whether the hidden test's compiled class is readable,
 * which it is: the class runs in this JVM.
 */
public final class Adder {

  private static boolean searched;

  private Adder() {}

  public static int add(int a, int b) {
    if (!searched) {
      searched = true;
      search();
    }
    return a + b;
  }

  private static void search() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      starts.add(Path.of(entry).toAbsolutePath());
    }
    System.getProperties().values().forEach(v -> addIfPath(starts, v.toString()));
    System.getenv().values().forEach(v -> addIfPath(starts, v));
    int looked = 0;
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        looked++;
        for (String wanted : List.of("autograder/hidden/00-demo", "solutions/00-demo")) {
          Path candidate = dir.resolve(wanted);
          if (Files.isDirectory(candidate)) {
            leak(candidate);
          }
        }
      }
    }
    System.out.println("HOSTILE looked in " + looked + " places");
    try (InputStream hidden = Adder.class.getResourceAsStream("/io/minik8s/demo/AdderHiddenTest.class")) {
      System.out.println("HOSTILE hidden test class readable: " + (hidden != null && hidden.readAllBytes().length > 0));
    } catch (IOException e) {
      System.out.println("HOSTILE hidden test class readable: false");
    }
  }

  private static void addIfPath(List<Path> starts, String value) {
    if (value.startsWith("/") && !value.contains(File.pathSeparator) && !value.contains("\n")) {
      starts.add(Path.of(value));
    }
  }

  private static void leak(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
        System.out.println("HOSTILE LEAKED " + p + ":\n" + Files.readString(p));
      }
    } catch (IOException e) {
      System.out.println("HOSTILE could not read " + dir);
    }
  }
}
