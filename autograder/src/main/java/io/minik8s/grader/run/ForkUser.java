package io.minik8s.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An unprivileged account the test JVMs run as, so that a submission's code cannot touch what
 * the grader owns: its own process (a different user cannot signal or trace it), the results it
 * writes, the compile cache, the hidden tests' sources and the reference solutions, and the other
 * submissions of a batch. It needs the grader to run as root, as it does in a Gradescope
 * container; the switch is made by util-linux's {@code setpriv}, which drops root's
 * capabilities and supplementary groups before {@code java} starts.
 *
 * <p>The fork's private tree is made readable by this user's group only: see {@link TestFork}.
 */
public record ForkUser(String name, int uid, int gid) {

  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  /**
   * Looks {@code name} up in the system's user database.
   *
   * @throws IllegalArgumentException when the account does not exist, is root, or the grader
   *     cannot switch to it (not root itself, or no setpriv)
   */
  public static ForkUser named(String name) {
    if (!name.matches("[a-z_][a-z0-9_.-]*")) {
      throw new IllegalArgumentException("'" + name + "' is not a user name");
    }
    if (currentUid() != 0) {
      throw new IllegalArgumentException(
          "--fork-user needs the grader to run as root (it runs as uid " + currentUid() + "): only root can start a process as another user");
    }
    if (!Files.isExecutable(SETPRIV)) {
      throw new IllegalArgumentException("--fork-user needs " + SETPRIV + " (Debian/Ubuntu package util-linux)");
    }
    int uid = id(name, "-u");
    if (uid == 0) {
      throw new IllegalArgumentException("--fork-user " + name + " is root: a test JVM as root could change anything the grader can");
    }
    return new ForkUser(name, uid, id(name, "-g"));
  }

  /** Whether this grader could switch users at all: it runs as root, and setpriv is there. */
  public static boolean canSwitchUsers() {
    return currentUid() == 0 && Files.isExecutable(SETPRIV);
  }

  /** What goes before the {@code java} command line to run it as this user. */
  List<String> commandPrefix() {
    return List.of(SETPRIV.toString(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--no-new-privs", "--");
  }

  /** The grader's own uid, or -1 where there is no /proc (not Linux). */
  private static int currentUid() {
    try {
      return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    } catch (IOException | UnsupportedOperationException e) {
      return -1; // not Linux: setpriv is not there either
    }
  }

  private static int id(String name, String flag) {
    try {
      Process id = new ProcessBuilder("id", flag, name).redirectErrorStream(true).start();
      String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (id.waitFor() != 0) {
        throw new IllegalArgumentException("--fork-user " + name + ": no such user on this machine (create it with useradd --system " + name + ")");
      }
      return Integer.parseInt(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up the user " + name, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while looking up the user " + name, e);
    }
  }
}
