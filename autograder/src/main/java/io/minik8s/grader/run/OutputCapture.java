package io.minik8s.grader.run;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's output on its own thread so the process never blocks on a full pipe, keeps
 * the first {@code capBytes} for the report, and calls {@code onFlood} once the total passes
 * {@code killBytes}.
 */
final class OutputCapture {

  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final Thread thread;
  private long total;

  OutputCapture(InputStream in, int capBytes, long killBytes, Runnable onFlood) {
    thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              boolean flooded = false;
              try (in) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                  synchronized (this) {
                    int room = (int) Math.max(0, capBytes - kept.size());
                    kept.write(buffer, 0, Math.min(room, n));
                    total += n;
                  }
                  if (!flooded && total > killBytes) {
                    flooded = true;
                    onFlood.run();
                  }
                }
              } catch (IOException e) {
                // the process is gone; what was read is all there is
              }
            },
            "grader-output");
    thread.setDaemon(true);
    thread.start();
  }

  /** Waits for the stream to end (the process has exited) and returns the kept text. */
  String await() throws InterruptedException {
    thread.join();
    synchronized (this) {
      String text = kept.toString(StandardCharsets.UTF_8);
      long dropped = total - kept.size();
      return dropped > 0 ? text + "\n… (" + dropped + " more bytes of output not shown)" : text;
    }
  }
}
