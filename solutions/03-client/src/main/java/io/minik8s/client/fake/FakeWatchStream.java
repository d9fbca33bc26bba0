package io.minik8s.client.fake;

import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.scheme.ResourceType;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A watch on a {@link FakeKubeClient}: the tracker pushes events into an unbounded queue, the
 * reader takes them. An object that stops matching the watch's selector arrives as DELETED, one
 * that starts matching as ADDED, as the real server's watch cache does.
 */
final class FakeWatchStream<T extends KubeObject> implements WatchStream<T> {

  /** Put in the queue by {@link #close()} so a blocked reader wakes up. */
  private static final WatchEvent<KubeObject> END = WatchEvent.of(EventType.BOOKMARK, null);

  private final ResourceType type;
  private final Predicate<KubeObject> selected;
  private final Consumer<FakeWatchStream<?>> onClose;
  private final LinkedBlockingQueue<WatchEvent<?>> events = new LinkedBlockingQueue<>();
  private volatile boolean closed;

  FakeWatchStream(ResourceType type, Predicate<KubeObject> selected,
      Consumer<FakeWatchStream<?>> onClose) {
    this.type = type;
    this.selected = selected;
    this.onClose = onClose;
  }

  ResourceType type() {
    return type;
  }

  /** A change of the watched kind: sent as it is, as an ADDED/DELETED, or not at all. */
  void deliver(EventType eventType, KubeObject old, KubeObject object) {
    boolean was = old != null && selected.test(old);
    boolean is = selected.test(object);
    if (eventType == EventType.DELETED) {
      if (was || is) {
        offer(EventType.DELETED, object);
      }
    } else if (was && is) {
      offer(eventType, object);
    } else if (is) {
      offer(EventType.ADDED, object);
    } else if (was) {
      offer(EventType.DELETED, object);
    }
  }

  void offer(EventType eventType, KubeObject object) {
    if (!closed) {
      events.add(WatchEvent.of(eventType, object));
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public WatchEvent<T> next() {
    if (closed) {
      return null;
    }
    try {
      WatchEvent<?> event = events.take();
      return event == END ? null : (WatchEvent<T>) event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      events.add(END);
      onClose.accept(this);
    }
  }
}
