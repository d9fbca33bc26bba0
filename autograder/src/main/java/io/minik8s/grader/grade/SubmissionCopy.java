package io.minik8s.grader.grade;

import io.minik8s.grader.build.Directories;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A private copy of one submission's {@code exercises/} tree, made before grading so the grader
 * never runs anything inside the student's own files and one submission cannot see another.
 * Accepts a checkout directory (a git repository is just a directory) or a zip of one; inside a
 * zip the checkout may sit one directory down, as "Download ZIP" produces.
 */
public final class SubmissionCopy implements AutoCloseable {

  private static final long MAX_UNZIPPED_BYTES = 256L * 1024 * 1024;

  private final Path root;

  private SubmissionCopy(Path root) {
    this.root = root;
  }

  public static SubmissionCopy of(Path submission) {
    Path temp;
    try {
      temp = Files.createTempDirectory("minik8s-submission-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary directory", e);
    }
    try {
      if (Files.isDirectory(submission)) {
        Path checkout = findCheckout(submission);
        copyTree(checkout.resolve("exercises"), temp.resolve("exercises"));
      } else if (submission.toString().endsWith(".zip")) {
        Path unzipped = temp.resolve("unzipped");
        unzip(submission, unzipped);
        Path checkout = findCheckout(unzipped);
        Files.move(checkout.resolve("exercises"), temp.resolve("exercises"));
        Directories.deleteRecursively(unzipped);
      } else {
        throw new IllegalArgumentException(submission + " is neither a directory nor a .zip file");
      }
      return new SubmissionCopy(temp);
    } catch (IOException | RuntimeException e) {
      Directories.deleteRecursively(temp);
      if (e instanceof IOException io) {
        throw new UncheckedIOException("cannot copy " + submission + ": " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /** The copy's root: a directory with an {@code exercises/} tree. */
  public Path root() {
    return root;
  }

  @Override
  public void close() {
    Directories.deleteRecursively(root);
  }

  private static Path findCheckout(Path dir) throws IOException {
    if (Files.isDirectory(dir.resolve("exercises"))) {
      return dir;
    }
    try (Stream<Path> children = Files.list(dir)) {
      List<Path> candidates = children.filter(c -> Files.isDirectory(c.resolve("exercises"))).toList();
      if (candidates.size() == 1) {
        return candidates.get(0);
      }
    }
    throw new IllegalArgumentException(dir.getFileName() + " has no exercises/ directory (nor one folder down)");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (Files.isSymbolicLink(p)) {
          continue; // a link could point at anything on the grading machine
        }
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else if (Files.isRegularFile(p)) {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  private static void unzip(Path zip, Path to) throws IOException {
    long written = 0;
    try (InputStream in = Files.newInputStream(zip); ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        Path target = to.resolve(entry.getName()).normalize();
        if (!target.startsWith(to)) {
          throw new IllegalArgumentException(zip.getFileName() + " has an entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        written += Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
        if (written > MAX_UNZIPPED_BYTES) {
          throw new IllegalArgumentException(zip.getFileName() + " unpacks to more than 256 MB");
        }
      }
    }
  }
}
