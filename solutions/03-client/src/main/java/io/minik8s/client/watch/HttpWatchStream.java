package io.minik8s.client.watch;

import io.minik8s.objects.meta.KubeObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A {@link WatchStream} over the body of a watch response: newline-delimited JSON events, each
 * decoded by a {@link WatchLineDecoder}.
 *
 * <p>How {@link #close()} wakes a reader: the reader is blocked in a read of the response body;
 * closing that stream from another thread makes the read end (with -1 or an IOException). Since
 * {@link #closed} is set first, the reader knows the end was asked for and returns null instead
 * of reporting a broken connection. Closing the body also releases the HTTP connection, so the
 * server sees the client go away and drops its watcher.
 */
public final class HttpWatchStream<T extends KubeObject> implements WatchStream<T> {

  private final InputStream body;
  private final BufferedReader lines;
  private final WatchLineDecoder<T> decoder;

  /** Set before the body is closed; read by the reader after its read ends. */
  private volatile boolean closed;

  public HttpWatchStream(InputStream body, WatchLineDecoder<T> decoder) {
    this.body = body;
    this.lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    this.decoder = decoder;
  }

  @Override
  public WatchEvent<T> next() {
    // BEGIN EXERCISE 3.1 — read the next event line; end of stream or close() gives null
    if (closed) {
      return null;
    }
    String line;
    try {
      do {
        line = lines.readLine();
      } while (line != null && line.isBlank());
    } catch (IOException e) {
      if (closed) {
        return null; // close() from another thread ended the read
      }
      throw new UncheckedIOException("watch stream broke: " + e.getMessage(), e);
    }
    if (line == null || closed) {
      close();
      return null;
    }
    return decoder.decode(line);
    // END EXERCISE 3.1
  }

  @Override
  public void close() {
    closed = true;
    try {
      body.close();
    } catch (IOException e) {
      // closing is best effort: the connection is being dropped anyway
    }
  }
}
