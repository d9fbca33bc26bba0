package io.minik8s.grader.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A set of source and resource roots to compile together. Its {@link #digest()} covers every
 * file's relative path and bytes, so equal digests mean equal inputs: the compile cache is keyed
 * by it and never needs invalidating.
 */
public record SourceTree(List<Path> sourceRoots, List<Path> resourceRoots) {

  public SourceTree {
    sourceRoots = sourceRoots.stream().filter(Files::isDirectory).toList();
    resourceRoots = resourceRoots.stream().filter(Files::isDirectory).toList();
  }

  public List<Path> javaFiles() {
    List<Path> files = new ArrayList<>();
    for (Path root : sourceRoots) {
      files.addAll(filesUnder(root).stream().filter(p -> p.toString().endsWith(".java")).toList());
    }
    return files;
  }

  /** SHA-256 over the relative path and content of every file, in a stable order. */
  public String digest() {
    MessageDigest sha = sha256();
    for (List<Path> roots : List.of(sourceRoots, resourceRoots)) {
      sha.update((byte) '|');
      for (Path root : roots) {
        for (Path file : filesUnder(root)) {
          sha.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
          sha.update((byte) 0);
          try {
            sha.update(Files.readAllBytes(file));
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
          }
          sha.update((byte) 0);
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every JDK has SHA-256", e);
    }
  }

  /** Regular files under {@code root}, sorted, skipping build output and hidden directories. */
  static List<Path> filesUnder(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !isHiddenOrBuildOutput(root.relativize(p)))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  private static boolean isHiddenOrBuildOutput(Path relative) {
    for (Path part : relative) {
      String name = part.toString();
      if (name.startsWith(".") || name.equals("target")) {
        return true;
      }
    }
    return false;
  }
}
