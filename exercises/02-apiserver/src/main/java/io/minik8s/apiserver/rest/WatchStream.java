package io.minik8s.apiserver.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.apiserver.storage.ObjectRegistry;
import io.minik8s.apiserver.storage.ObjectWatch;
import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchOptions;
import io.minik8s.apiserver.storage.WatchSink;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * One watch over HTTP: a chunked 200 response carrying one JSON event per line, {@code
 * {"type":"ADDED","object":{...}}}, each flushed as it happens, until the timeout, the client
 * hangs up, or the watcher falls too far behind.
 *
 * <p>Threads: the registry calls the sink on its delivery thread, which must not block, so the
 * sink only queues; this stream's own thread (one per watch, not one of the request pool's)
 * takes from the queue and writes. A full queue means the client reads slower than objects
 * change: the watch ends and the client must watch again from its last resourceVersion, as
 * upstream's cacher does with a slow watcher.
 *
 * <p>A watch from a compacted resourceVersion is still answered 200, with a single ERROR event
 * carrying the 410 Status: that is what clients (reflectors) expect from the watch cache
 * (upstream's {@code newErrWatcher} in k8s.io/apiserver/pkg/storage/cacher).
 *
 * <p>Upstream: k8s.io/apiserver/pkg/endpoints/handlers/watch.go ({@code WatchServer.HandleHTTP}).
 */
final class WatchStream implements Runnable {

  private static final Logger LOG = System.getLogger(WatchStream.class.getName());

  /** Events a watcher may be behind before it is cut off. */
  static final int QUEUE_CAPACITY = 1_000;

  /** Marks the end of the queue: the registry closed the watch. */
  private static final WatchEvent END = new WatchEvent(WatchEvent.Type.ERROR, Json.object());

  private final Call call;
  private final ObjectRegistry registry;
  private final WatchOptions options;
  private final long timeoutMillis;
  private final UnaryOperator<ObjectNode> render;
  private final boolean pretty;

  /**
   * @param render turns an event's object into what the client asked for (e.g. a Table)
   */
  WatchStream(Call call, ObjectRegistry registry, WatchOptions options, long timeoutMillis,
      UnaryOperator<ObjectNode> render) {
    this.call = call;
    this.registry = registry;
    this.options = options;
    this.timeoutMillis = timeoutMillis;
    this.render = render;
    this.pretty = false; // one event per line: never indented
  }

  @Override
  public void run() {
    BlockingQueue<WatchEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY + 1);
    ObjectWatch watch = null;
    try {
      try {
        watch = registry.watch(call.namespace(), options, new WatchSink() {
          @Override
          public void onEvent(WatchEvent event) {
            if (!queue.offer(event)) {
              queue.clear();
              queue.offer(END); // too slow: end the stream rather than block the registry
            }
          }

          @Override
          public void onClose() {
            queue.offer(END); // the server ended the watch: end the response, the client re-watches
          }
        });
      } catch (ApiException e) {
        if (e.code() != 410) {
          ApiRouter.sendStatus(call, e);
          return;
        }
        start();
        write(new WatchEvent(WatchEvent.Type.ERROR, Json.status(e.status())));
        return;
      }
      start();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
      while (true) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        WatchEvent event = queue.poll(left, TimeUnit.NANOSECONDS);
        if (event == null || event == END) {
          return;
        }
        write(event);
      }
    } catch (IOException e) {
      LOG.log(Level.DEBUG, "watch client went away: " + call.info.path());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "watch " + call.info.path() + " failed", e);
    } finally {
      if (watch != null) {
        watch.close();
      }
      call.exchange.close();
    }
  }

  private void start() throws IOException {
    call.exchange.getResponseHeaders().set("Content-Type", MediaTypes.JSON);
    call.exchange.getResponseHeaders().set("Cache-Control", "no-cache, private");
    call.exchange.sendResponseHeaders(200, 0); // 0: chunked, the length is unknown
    call.exchange.getResponseBody().flush();
  }

  private void write(WatchEvent event) throws IOException {
    ObjectNode line = Json.object();
    line.put("type", event.type().name());
    boolean object = event.type() == WatchEvent.Type.ADDED
        || event.type() == WatchEvent.Type.MODIFIED || event.type() == WatchEvent.Type.DELETED;
    line.set("object", object ? render.apply(event.object()) : event.object());
    OutputStream out = call.exchange.getResponseBody();
    out.write(Json.write(line, pretty));
    out.write('\n');
    out.flush();
  }

  /** The renderer for plain JSON events. */
  static UnaryOperator<ObjectNode> asIs() {
    return UnaryOperator.identity();
  }

  /** The renderer of {@code kubectl get -w}: each event's object as a one-row Table. */
  static UnaryOperator<ObjectNode> asTable(ServerComponents.TableConverter tables,
      io.minik8s.objects.scheme.ResourceType type) {
    return object -> tables.toTable(type, List.of(Unstructured.of(object.deepCopy())));
  }
}
