package io.minik8s.client.cache;

import io.minik8s.client.errors.GoneException;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.watch.EventType;
import io.minik8s.client.watch.WatchEvent;
import io.minik8s.client.watch.WatchStream;
import io.minik8s.objects.api.ObjectList;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.meta.ListMeta;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.OwnerReference;
import io.minik8s.objects.meta.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;

/** Scripted server, store and handler for the hidden cache tests. */
final class HiddenCacheScript {

  private HiddenCacheScript() {}

  static Pod pod(String ns, String name, String rv, String node) {
    return new Pod(ObjectMeta.named(ns, name).withResourceVersion(rv),
        PodSpec.of(List.of()).withNodeName(node), null);
  }

  static Pod pod(String ns, String name, String rv) {
    return pod(ns, name, rv, null);
  }

  static Pod ownedBy(Pod pod, String uid) {
    OwnerReference ref =
        new OwnerReference("apps/v1", "ReplicaSet", "rs", uid, true, true, Map.of());
    return pod.withMetadata(pod.metadata().withOwnerReferences(List.of(ref)));
  }

  static WatchEvent<Pod> event(EventType type, Pod pod) {
    return WatchEvent.of(type, pod);
  }

  static GoneException gone() {
    return new GoneException(Status.failure(410, "Expired", "too old resource version", null));
  }

  static UncheckedIOException refused() {
    return new UncheckedIOException(new IOException("connection refused"));
  }

  static String describe(Pod pod) {
    return Keys.of(pod) + "@" + pod.metadata().resourceVersion();
  }

  /** Answers scripted lists and watches in order; idles once the script is used up. */
  static final class Server implements ListerWatcher<Pod> {
    final List<ListOptions> lists = new CopyOnWriteArrayList<>();
    final List<ListOptions> watches = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<ObjectList<Pod>>> listScript = new ArrayDeque<>();
    private final Deque<Supplier<WatchStream<Pod>>> watchScript = new ArrayDeque<>();

    synchronized Server list(String rv, Pod... items) {
      ObjectList<Pod> list = ObjectList.of("v1", "Pod", new ListMeta(rv, null), List.of(items));
      listScript.add(() -> list);
      return this;
    }

    synchronized Server listThrows(RuntimeException e) {
      listScript.add(() -> {
        throw e;
      });
      return this;
    }

    @SafeVarargs
    final synchronized Server watchEnding(RuntimeException end, WatchEvent<Pod>... events) {
      watchScript.add(() -> stream(List.of(events), end));
      return this;
    }

    synchronized Server watchThrows(RuntimeException e) {
      watchScript.add(() -> {
        throw e;
      });
      return this;
    }

    @Override
    public ObjectList<Pod> list(ListOptions options) {
      lists.add(options);
      Supplier<ObjectList<Pod>> next;
      synchronized (this) {
        next = listScript.poll();
      }
      if (next == null) {
        idle();
        throw refused();
      }
      return next.get();
    }

    @Override
    public WatchStream<Pod> watch(ListOptions options) {
      watches.add(options);
      Supplier<WatchStream<Pod>> next;
      synchronized (this) {
        next = watchScript.poll();
      }
      if (next != null) {
        return next.get();
      }
      CountDownLatch closed = new CountDownLatch(1);
      return new WatchStream<>() {
        @Override
        public WatchEvent<Pod> next() {
          try {
            closed.await();
          } catch (InterruptedException e) {
            throw refused();
          }
          return null;
        }

        @Override
        public void close() {
          closed.countDown();
        }
      };
    }

    List<String> listVersions() {
      return lists.stream().map(ListOptions::resourceVersion).toList();
    }

    List<String> watchVersions() {
      return watches.stream().map(ListOptions::resourceVersion).toList();
    }

    private static void idle() {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static WatchStream<Pod> stream(List<WatchEvent<Pod>> events, RuntimeException end) {
      Deque<WatchEvent<Pod>> left = new ArrayDeque<>(events);
      return new WatchStream<>() {
        @Override
        public synchronized WatchEvent<Pod> next() {
          WatchEvent<Pod> e = left.poll();
          if (e == null && end != null) {
            throw end;
          }
          return e;
        }

        @Override
        public void close() {}
      };
    }
  }

  /** A map store recording "add ns/a@1"-style calls. */
  static final class MapStore implements Store<Pod> {
    final List<String> calls = new CopyOnWriteArrayList<>();
    private final Map<String, Pod> items = new LinkedHashMap<>();

    @Override
    public synchronized void add(Pod o) {
      calls.add("add " + describe(o));
      items.put(Keys.of(o), o);
    }

    @Override
    public synchronized void update(Pod o) {
      calls.add("update " + describe(o));
      items.put(Keys.of(o), o);
    }

    @Override
    public synchronized void delete(Pod o) {
      calls.add("delete " + describe(o));
      items.remove(Keys.of(o));
    }

    @Override
    public synchronized List<Pod> list() {
      return List.copyOf(items.values());
    }

    @Override
    public synchronized List<String> listKeys() {
      return List.copyOf(items.keySet());
    }

    @Override
    public synchronized Optional<Pod> getByKey(String key) {
      return Optional.ofNullable(items.get(key));
    }

    @Override
    public synchronized void replace(List<Pod> list, String rv) {
      calls.add("replace " + list.stream().map(Keys::of).toList() + " @" + rv);
      items.clear();
      list.forEach(o -> items.put(Keys.of(o), o));
    }
  }

  /** Records notifications as text. */
  static final class Seen implements ResourceEventHandler<Pod> {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void onAdd(Pod o) {
      seen.add("add " + describe(o));
    }

    @Override
    public void onUpdate(Pod o, Pod n) {
      seen.add("update " + describe(o) + "->" + n.metadata().resourceVersion());
    }

    @Override
    public void onDelete(Pod o) {
      seen.add("delete " + describe(o));
    }
  }
}
