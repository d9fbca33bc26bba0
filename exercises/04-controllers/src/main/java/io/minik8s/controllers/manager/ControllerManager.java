package io.minik8s.controllers.manager;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedInformerFactory;
import io.minik8s.client.leaderelection.LeaderCallbacks;
import io.minik8s.client.leaderelection.LeaderElectionConfig;
import io.minik8s.client.leaderelection.LeaderElector;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.objects.api.coordination.Lease;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Runs a set of controllers in one process, as kube-controller-manager and
 * cloud-controller-manager do (cmd/kube-controller-manager/app/controllermanager.go): one client,
 * one shared informer factory, so every controller interested in pods shares one watch and one
 * cache; each controller gets {@code workers} worker threads.
 *
 * <p>With leader election (the default for the CLIs) several replicas of a manager can run; only
 * the one holding the Lease {@code kube-system/<component>} starts its controllers, the others
 * wait as standbys. Two active managers would fight (both create the missing pod), so a leader
 * that loses its Lease stops: upstream exits the process, here the {@code onLostLeadership} hook
 * decides (the CLIs exit).
 *
 * <p>Lifecycle: {@link #start()} opens the health endpoint and either starts the controllers or
 * campaigns; {@link #close()} stops everything.
 */
public final class ControllerManager implements AutoCloseable {

  private static final Logger LOG = System.getLogger(ControllerManager.class.getName());

  private final KubeClient client;
  private final String component;
  private final Map<String, ControllerTable.Factory> factories;
  private final int workers;
  private final boolean leaderElect;
  private final LeaderElectionConfig electionConfig;
  private final int healthPort;
  private final Clock clock;
  private final Duration resync;
  private final Runnable onLostLeadership;

  /* Guarded by `this`. */
  private SharedInformerFactory informers;
  private final Map<String, Controller> running = new LinkedHashMap<>();
  private HealthServer health;
  private LeaderElector elector;
  private volatile boolean closed;

  private volatile boolean leading;
  private volatile boolean synced;

  private ControllerManager(Builder b) {
    this.client = b.client;
    this.component = b.component;
    this.factories = new LinkedHashMap<>(b.controllers);
    this.workers = b.workers;
    this.leaderElect = b.leaderElect;
    this.clock = b.clock;
    this.resync = b.resync;
    this.healthPort = b.healthPort;
    this.onLostLeadership = b.onLostLeadership;
    this.electionConfig = b.leaderElection != null ? b.leaderElection
        : LeaderElectionConfig.defaults("kube-system", component, defaultIdentity(), clock);
  }

  /** A manager named {@code component} (the Lease's name) talking through {@code client}. */
  public static Builder builder(KubeClient client, String component) {
    return new Builder(client, component);
  }

  /** Opens the health endpoint, then starts the controllers or campaigns for the Lease. */
  public synchronized ControllerManager start() {
    if (healthPort >= 0) {
      health = new HealthServer(healthPort, this::isReady,
          () -> leading ? "leader" : "standby");
    }
    if (!leaderElect) {
      startControllers();
      return this;
    }
    elector = new LeaderElector(client.resource(Lease.class), electionConfig,
        new LeaderCallbacks() {
          @Override
          public void onStartedLeading() {
            LOG.log(Level.INFO, "{0}: became leader as {1}", component, electionConfig.identity());
            startControllers();
          }

          @Override
          public void onStoppedLeading() {
            LOG.log(Level.WARNING, "{0}: leader election lost", component);
            boolean wasLeading = leading;
            stopControllers();
            if (wasLeading && !closed) { // a release on close() is no loss
              onLostLeadership.run();
            }
          }

          @Override
          public void onNewLeader(String identity) {
            LOG.log(Level.INFO, "{0}: leader is {1}", component, identity);
          }
        });
    Thread campaign = new Thread(elector::run, component + "-leader-election");
    campaign.setDaemon(true);
    campaign.start();
    return this;
  }

  /** Builds the enabled controllers on one informer factory, starts informers and workers. */
  private synchronized void startControllers() {
    if (closed || leading) {
      return;
    }
    leading = true;
    informers = new DefaultSharedInformerFactory(client, resync, clock);
    ControllerContext ctx = new ControllerContext(client, informers, clock);
    factories.forEach((name, factory) -> running.put(name, factory.apply(ctx)));
    informers.start();
    running.values().forEach(c -> c.run(workers));
    SharedInformerFactory started = informers;
    String names = String.join(", ", running.keySet());
    Thread waiter = new Thread(() -> {
      while (!closed && leading && !started.waitForCacheSync(Duration.ofSeconds(1))) {
        // keep waiting: /readyz stays 503 until every cache has its first list
      }
      synced = !closed && leading;
      LOG.log(Level.INFO, "{0}: caches synced, controllers running: {1}", component, names);
    }, component + "-cache-sync");
    waiter.setDaemon(true);
    waiter.start();
  }

  private synchronized void stopControllers() {
    running.values().forEach(Controller::shutdown);
    running.clear();
    if (informers != null) {
      informers.shutdown();
      informers = null;
    }
    leading = false;
    synced = false;
  }

  /** The health endpoint's port; -1 when there is none. */
  public synchronized int healthPort() {
    return health == null ? -1 : health.port();
  }

  /** Running controllers (none while a standby). */
  public synchronized Map<String, Controller> controllers() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(running));
  }

  /** The informer factory of the running controllers; null while a standby. */
  public synchronized SharedInformerFactory informers() {
    return informers;
  }

  public boolean isLeader() {
    return leading;
  }

  /** Leading (or not electing) and every cache has synced. */
  public boolean isReady() {
    return leading && synced;
  }

  @Override
  public void close() {
    LeaderElector toStop;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toStop = elector;
    }
    if (toStop != null) {
      toStop.stop();
    }
    stopControllers();
    synchronized (this) {
      if (health != null) {
        health.close();
      }
    }
  }

  private static String defaultIdentity() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "localhost";
    }
    return host + "_" + UUID.randomUUID();
  }

  /** Options of a {@link ControllerManager}; every one has a default. */
  public static final class Builder {
    private final KubeClient client;
    private final String component;
    private Map<String, ControllerTable.Factory> controllers = Map.of();
    private int workers = 5;
    private boolean leaderElect = false;
    private LeaderElectionConfig leaderElection;
    private int healthPort = -1;
    private Clock clock = Clock.systemUTC();
    private Duration resync = Duration.ofHours(12);
    private Runnable onLostLeadership = () -> { };

    private Builder(KubeClient client, String component) {
      this.client = Objects.requireNonNull(client, "client");
      this.component = Objects.requireNonNull(component, "component");
    }

    /** The controllers to run, by name, in start order (a selection of a ControllerTable). */
    public Builder controllers(Map<String, ControllerTable.Factory> controllers) {
      this.controllers = controllers;
      return this;
    }

    /** Worker threads per controller ({@code --concurrent-*-syncs} upstream); default 5. */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be at least 1, got " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** Campaign for {@code kube-system/<component>} before starting; default false. */
    public Builder leaderElect(boolean leaderElect) {
      this.leaderElect = leaderElect;
      return this;
    }

    /** Custom Lease timings or identity (tests); default: upstream's 15 s / 10 s / 2 s. */
    public Builder leaderElection(LeaderElectionConfig config) {
      this.leaderElection = config;
      return this;
    }

    /** Serve /healthz, /readyz, /leaderz on 127.0.0.1:port (0: a free port); default none. */
    public Builder healthPort(int port) {
      this.healthPort = port;
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** The informers' default resync period; default 12 h (upstream's --min-resync-period). */
    public Builder resync(Duration resync) {
      this.resync = resync;
      return this;
    }

    /** Runs when this manager loses leadership after having led; the CLIs exit the process. */
    public Builder onLostLeadership(Runnable hook) {
      this.onLostLeadership = hook;
      return this;
    }

    public ControllerManager build() {
      return new ControllerManager(this);
    }
  }
}
