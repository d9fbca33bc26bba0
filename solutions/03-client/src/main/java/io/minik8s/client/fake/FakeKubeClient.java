package io.minik8s.client.fake;

import io.minik8s.client.errors.ApiStatusException;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-memory {@link KubeClient} for controller tests, as client-go's {@code kubernetes/fake}:
 * an object tracker with resourceVersions, conflicts, watches, and a log of the actions taken.
 *
 * <pre>{@code
 * FakeKubeClient client = new FakeKubeClient(clock, 42);
 * client.addObjects(replicaSet);                    // seeded state, not logged as an action
 * client.failNext("create", "pods", new ForbiddenException(...));
 * controller.sync("default/web");
 * assertThat(client.actions("create", "pods")).hasSize(2);
 * }</pre>
 *
 * <p>Every kind of {@link Scheme#builtIn()} is served. What the server's rules are and what is
 * left out (admission, validation, graceful deletion, propagation policies, paging) is listed on
 * {@link ObjectTracker}: in short, resourceVersions from one counter, conflicts on a stale
 * resourceVersion, {@code generation} bumps, status only through {@code updateStatus} for kinds
 * with a status subresource, finalizers delaying deletion, watches from any resourceVersion.
 *
 * <p>Thread-safe: informers may watch from their own threads while a test writes.
 */
public final class FakeKubeClient implements KubeClient {

  /** A reactor for requests matching a verb and resource ({@code "*"} matches any). */
  private record Registered(String verb, String resource, Reactor reactor, AtomicBoolean once) {}

  private final ObjectTracker tracker;

  /** Guarded by itself. */
  private final List<Action> actions = new ArrayList<>();

  /** Guarded by itself; consulted first to last. */
  private final List<Registered> reactors = new ArrayList<>();

  /** On the system clock, with seed 42 for uids and generated names. */
  public FakeKubeClient() {
    this(Clock.systemUTC(), 42);
  }

  /**
   * @param clock gives {@code creationTimestamp} and {@code deletionTimestamp}
   * @param seed drives uids and the suffixes of generated names
   */
  public FakeKubeClient(Clock clock, long seed) {
    this.tracker = new ObjectTracker(clock, seed);
  }

  @Override
  public <T extends KubeObject> ResourceClient<T> resource(Class<T> type) {
    return new FakeResourceClient<>(this, tracker, typeOf(type));
  }

  private static ResourceType typeOf(Class<?> type) {
    return Scheme.builtIn().types().stream()
        .filter(t -> t.javaType().equals(type))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            type.getName() + " is not a kind of the built-in scheme; FakeKubeClient serves "
                + Scheme.builtIn().types().stream().map(t -> t.kind().kind()).toList()));
  }

  @Override
  public String defaultNamespace() {
    return "default";
  }

  /**
   * Stores objects as if created (uid, resourceVersion, creationTimestamp filled in), without
   * logging actions or consulting reactors: the state a test starts from, as client-go's
   * {@code NewSimpleClientset(objects...)}.
   */
  public FakeKubeClient addObjects(KubeObject... objects) {
    for (KubeObject object : objects) {
      ObjectMeta meta = object.metadata() == null ? ObjectMeta.EMPTY : object.metadata();
      ResourceType type = typeOf(object.getClass());
      String namespace = !type.namespaced() ? null
          : meta.namespace() == null || meta.namespace().isEmpty() ? defaultNamespace()
          : meta.namespace();
      tracker.create(type, object, namespace);
    }
    return this;
  }

  /** The resourceVersion of the latest write ("0" before any). */
  public String resourceVersion() {
    return Long.toString(tracker.revision());
  }

  /** Every request so far, in order (also the ones a reactor failed). */
  public List<Action> actions() {
    synchronized (actions) {
      return List.copyOf(actions);
    }
  }

  /** The requests with this verb and resource ({@code "*"} matches any), in order. */
  public List<Action> actions(String verb, String resource) {
    return actions().stream().filter(a -> a.matches(verb, resource)).toList();
  }

  public void clearActions() {
    synchronized (actions) {
      actions.clear();
    }
  }

  /**
   * The next request with this verb and resource (e.g. {@code "create", "pods"}; {@code "*"}
   * matches any; a status write is {@code "update", "pods/status"}) fails with {@code error};
   * later ones succeed again.
   */
  public void failNext(String verb, String resource, ApiStatusException error) {
    synchronized (reactors) {
      reactors.add(0, new Registered(verb, resource, action -> {
        throw error;
      }, new AtomicBoolean(true)));
    }
  }

  /**
   * Runs {@code reactor} before every request with this verb and resource, ahead of the
   * reactors added before it; a reactor that throws fails the request.
   */
  public void prependReactor(String verb, String resource, Reactor reactor) {
    synchronized (reactors) {
      reactors.add(0, new Registered(verb, resource, reactor, new AtomicBoolean(false)));
    }
  }

  /** Logs the action, then lets the reactors veto it (a one-shot reactor is used up). */
  void invoke(Action action) {
    synchronized (actions) {
      actions.add(action);
    }
    List<Reactor> toRun = new ArrayList<>();
    synchronized (reactors) {
      for (var iterator = reactors.iterator(); iterator.hasNext(); ) {
        Registered registered = iterator.next();
        if (action.matches(registered.verb(), registered.resource())) {
          toRun.add(registered.reactor());
          if (registered.once().get()) {
            iterator.remove();
            break; // a one-shot failure answers this request alone
          }
        }
      }
    }
    for (Reactor reactor : toRun) {
      reactor.react(action);
    }
  }
}
