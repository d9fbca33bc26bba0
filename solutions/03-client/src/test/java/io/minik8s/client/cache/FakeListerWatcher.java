package io.minik8s.client.cache;

import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ListMeta;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/**
 * A scripted server for one kind: each {@link #list} call answers the next scripted list, each
 * {@link #watch} call the next scripted stream. It records the options of every call. Once the
 * script runs out, a list or a watch blocks until the reflector is stopped (so a reflector on a
 * thread idles instead of spinning).
 */
final class FakeListerWatcher<T extends KubeObject> implements ListerWatcher<T> {

  final List<ListOptions> listCalls = new CopyOnWriteArrayList<>();
  final List<ListOptions> watchCalls = new CopyOnWriteArrayList<>();
  private final Deque<Supplier<ObjectList<T>>> lists = new ArrayDeque<>();
  private final Deque<Supplier<WatchStream<T>>> watches = new ArrayDeque<>();

  /** The next list answers these items at resourceVersion {@code rv}. */
  @SafeVarargs
  final synchronized FakeListerWatcher<T> list(String rv, T... items) {
    ObjectList<T> list = ObjectList.of("v1", "Pod", new ListMeta(rv, null), List.of(items));
    lists.add(() -> list);
    return this;
  }

  /** The next list throws. */
  synchronized FakeListerWatcher<T> listFails(RuntimeException error) {
    lists.add(() -> {
      throw error;
    });
    return this;
  }

  /** The next watch yields these events, then ends cleanly (as on the server's timeout). */
  @SafeVarargs
  final synchronized FakeListerWatcher<T> watch(WatchEvent<T>... events) {
    watches.add(() -> new ScriptedStream<>(Arrays.asList(events), null));
    return this;
  }

  /** The next watch yields these events, then breaks with {@code error}. */
  @SafeVarargs
  final synchronized FakeListerWatcher<T> watchThenFail(RuntimeException error,
      WatchEvent<T>... events) {
    watches.add(() -> new ScriptedStream<>(Arrays.asList(events), error));
    return this;
  }

  /** The next watch cannot even be opened. */
  synchronized FakeListerWatcher<T> watchFails(RuntimeException error) {
    watches.add(() -> {
      throw error;
    });
    return this;
  }

  @Override
  public ObjectList<T> list(ListOptions options) {
    listCalls.add(options);
    Supplier<ObjectList<T>> next;
    synchronized (this) {
      next = lists.poll();
    }
    if (next == null) {
      blockUntilInterrupted();
    }
    return next.get();
  }

  @Override
  public WatchStream<T> watch(ListOptions options) {
    watchCalls.add(options);
    Supplier<WatchStream<T>> next;
    synchronized (this) {
      next = watches.poll();
    }
    return next == null ? new IdleStream<>() : next.get();
  }

  /** The resourceVersions the lists and watches asked for, in order. */
  List<String> listVersions() {
    return listCalls.stream().map(ListOptions::resourceVersion).toList();
  }

  List<String> watchVersions() {
    return watchCalls.stream().map(ListOptions::resourceVersion).toList();
  }

  private static void blockUntilInterrupted() {
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      throw new UncheckedIOException(new InterruptedIOException("list interrupted"));
    }
  }

  /** Yields its events, then ends (null) or throws. */
  private static final class ScriptedStream<T extends KubeObject> implements WatchStream<T> {
    private final Deque<WatchEvent<T>> events;
    private final RuntimeException end;
    private volatile boolean closed;

    ScriptedStream(List<WatchEvent<T>> events, RuntimeException end) {
      this.events = new ArrayDeque<>(events);
      this.end = end;
    }

    @Override
    public synchronized WatchEvent<T> next() {
      if (closed) {
        return null;
      }
      WatchEvent<T> event = events.poll();
      if (event == null && end != null) {
        throw end;
      }
      return event;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  /** No events: blocks in next() until closed, as a quiet watch does. */
  private static final class IdleStream<T extends KubeObject> implements WatchStream<T> {
    private final CountDownLatch closed = new CountDownLatch(1);

    @Override
    public WatchEvent<T> next() {
      try {
        closed.await();
        return null;
      } catch (InterruptedException e) {
        throw new UncheckedIOException(new IOException("watch interrupted"));
      }
    }

    @Override
    public void close() {
      closed.countDown();
    }
  }
}
