package io.minik8s.grader.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A script or program run to completion in a directory, its output kept in a file. */
record ScriptRun(int exitCode, String output) {

  static ScriptRun run(Path dir, Map<String, String> env, long timeoutSeconds, String... command) {
    try {
      Path log = Files.createTempFile("minik8s-run-", ".log");
      try {
        ProcessBuilder pb = new ProcessBuilder(List.of(command)).directory(dir.toFile())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          throw new AssertionError(String.join(" ", command) + " took more than " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new ScriptRun(p.exitValue(), Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      throw new AssertionError("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
