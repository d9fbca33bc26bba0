package io.minik8s.bench;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.controllers.manager.ControllerManager;
import io.minik8s.controllers.manager.ControllerTable;
import io.minik8s.objects.api.apps.Deployment;
import io.minik8s.objects.api.apps.DeploymentSpec;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodSpec;
import io.minik8s.objects.api.core.PodTemplateSpec;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.labels.LabelSelector;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./course bench controllers}: the controller manager against our API server (its own
 * process, plain HTTP), measuring what the issue asks:
 * <ol>
 *   <li>the time from creating a 1 000-replica Deployment to the 1 000th pod object created
 *       (the ReplicaSet controller's slow-start batches: 1, 2, 4, ... creates in parallel);</li>
 *   <li>API requests the controllers made per created pod, counted by a client decorator (list
 *       and watch requests of the informers included; ideally close to 1);</li>
 *   <li>informer memory per 10 000 pods: heap used, after {@code System.gc()}, before and after
 *       one pod informer in this JVM lists them.</li>
 * </ol>
 */
@Command(
    name = "./course bench controllers",
    mixinStandardHelpOptions = true,
    description = {
      "Benchmark the controller manager (replicaset, deployment, serviceaccount controllers)",
      "against our API server in its own process: a 1 000-replica Deployment (time to 1 000",
      "pods, API requests per pod) and the heap an informer needs for 10 000 pods.",
      "Prints a Markdown table and writes it to DIR/controllers-DATE.md; --quick takes seconds."
    })
public final class ControllersBench implements Callable<Integer> {

  @Option(names = "--quick", description = "100 replicas and 1 000 pods: checks that everything runs.")
  boolean quick;

  @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench/results",
      description = "Where the table is written (default: ${DEFAULT-VALUE}).")
  Path results;

  @Option(names = "--workers", defaultValue = "5",
      description = "Workers per controller (default: ${DEFAULT-VALUE}).")
  int workers;

  private final List<String> notes = new ArrayList<>();
  private boolean failed;

  public static void main(String[] args) {
    System.exit(new CommandLine(new ControllersBench()).execute(args));
  }

  @Override
  public Integer call() throws IOException {
    int replicas = quick ? 100 : 1_000;
    int memoryPods = quick ? 1_000 : 10_000;
    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    List<Figure> figures = new ArrayList<>();
    System.out.println("== controllers");
    try (ServerProcess server = OurApiServer.start("embedded")) {
      notes.add(server.version() + ", at " + server.endpoint());
      KubeClient client = new RestKubeClient(
          ClientConfig.of(URI.create(server.endpoint()), OurApiServer.TOKEN));
      try {
        figures.addAll(deployment(client, replicas));
      } catch (Exception e) {
        fail("deployment benchmark failed: " + e);
      }
      try {
        figures.addAll(informerMemory(client, memoryPods));
      } catch (Exception e) {
        fail("informer memory benchmark failed: " + e);
      }
    } catch (IOException | RuntimeException e) {
      fail("could not start the API server: " + e.getMessage());
    }
    String table = ResultTable.markdown(List.of(new ResultTable.Column("ours", figures)));
    StringBuilder report = new StringBuilder("# Controller manager benchmark")
        .append(quick ? " (--quick: the figures mean little)" : "").append("\n\n")
        .append(String.format(Locale.ROOT, "%s on %s, %d cores, Java %s.%n%n", started,
            System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(),
            Runtime.version()))
        .append(table).append('\n')
        .append(String.format(Locale.ROOT, "The API server ran in its own process (embedded "
            + "in-memory store, plain HTTP); the controller manager (replicaset, deployment, "
            + "serviceaccount; %d workers each) and the informer in this JVM. No kubelet: pods "
            + "stay Pending, which is all the ReplicaSet controller needs to count them.%n",
            workers));
    notes.forEach(n -> report.append("- ").append(n).append('\n'));
    System.out.println();
    System.out.print(report);
    Path file = results.resolve("controllers-" + LocalDate.now() + (quick ? "-quick" : "") + ".md");
    Files.createDirectories(results);
    Files.writeString(file, report.toString());
    System.out.println("\nwrote " + file);
    return failed ? 1 : 0;
  }

  /** Creates the Deployment, waits for {@code replicas} pod creates, counts the requests. */
  private List<Figure> deployment(KubeClient raw, int replicas) throws InterruptedException {
    AtomicInteger podsCreated = new AtomicInteger();
    AtomicLong lastPodAt = new AtomicLong();
    CountingKubeClient counting = new CountingKubeClient(raw, (KubeObject o) -> {
      if (o instanceof Pod && podsCreated.incrementAndGet() == replicas) {
        lastPodAt.set(System.nanoTime());
      }
    });
    Map<String, ControllerTable.Factory> table = ControllerTable.kubeControllerManager();
    Map<String, ControllerTable.Factory> chosen = new LinkedHashMap<>();
    for (String name : List.of("replicaset", "deployment", "serviceaccount")) {
      ControllerTable.Factory factory = table.get(name);
      if (factory == null) {
        throw new IllegalStateException("controller " + name + " is not in ControllerTable "
            + "(known: " + table.keySet() + ")");
      }
      chosen.put(name, factory);
    }
    try (ControllerManager manager = ControllerManager.builder(counting, "kube-controller-manager")
        .controllers(chosen).workers(workers).clock(Clock.systemUTC()).build().start()) {
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!manager.isReady()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the controller manager's caches did not sync in 60 s");
        }
        Thread.sleep(10);
      }
      long requestsBefore = counting.requests();
      Map<String, String> labels = Map.of("app", "bench");
      Deployment deployment = new Deployment(ObjectMeta.named("default", "bench"),
          new DeploymentSpec(replicas, LabelSelector.of(labels), new PodTemplateSpec(
              ObjectMeta.EMPTY.withLabels(labels),
              PodSpec.of(List.of(Container.of("main", "minik8s/busybox"))))),
          null);
      long start = System.nanoTime();
      raw.resource(Deployment.class).create(deployment);
      deadline = start + Duration.ofMinutes(5).toNanos();
      while (podsCreated.get() < replicas) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("only " + podsCreated.get() + " of " + replicas
              + " pods created in 5 minutes");
        }
        Thread.sleep(5);
      }
      double seconds = (lastPodAt.get() - start) / 1e9;
      // let the status writes that follow the last create land, so they are counted too
      Thread.sleep(2_000);
      long requests = counting.requests() - requestsBefore;
      String what = String.format(Locale.ROOT, "Deployment of %,d replicas", replicas);
      System.out.printf(Locale.ROOT, "   %s: %d pods in %.2f s, %d requests%n", what, replicas,
          seconds, requests);
      return List.of(
          new Figure(what, "time to all pods created (s)", seconds, false),
          new Figure(what, "pods created per second", replicas / seconds, true),
          new Figure(what, "API requests per created pod", (double) requests / replicas, false));
    }
  }

  /** Creates {@code count} pods with 8 clients, then measures one pod informer's heap. */
  private List<Figure> informerMemory(KubeClient client, int count) throws Exception {
    String ns = "bench-memory";
    client.resource(Namespace.class).create(new Namespace(ObjectMeta.named(ns), null, null));
    client.resource(ServiceAccount.class).create(new ServiceAccount(ObjectMeta.named(ns, "default")));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> creates = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int first = t;
        creates.add(pool.submit(() -> {
          for (int i = first; i < count; i += 8) {
            client.resource(Pod.class).create(new Pod(
                ObjectMeta.named(ns, "pod-" + i).withLabels(Map.of("app", "memory", "i", "" + i)),
                PodSpec.of(List.of(Container.of("main", "minik8s/busybox"))), null));
          }
          return null;
        }));
      }
      for (Future<?> f : creates) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long before = usedAfterGc(memory);
    DefaultSharedInformerFactory informers =
        new DefaultSharedInformerFactory(client, Duration.ofHours(12), Clock.systemUTC());
    SharedIndexInformer<Pod> pods = informers.informerFor(Pod.class);
    informers.start();
    if (!informers.waitForCacheSync(Duration.ofMinutes(2))) {
      throw new IllegalStateException("the pod informer did not sync in 2 minutes");
    }
    int cached = pods.indexer().list().size();
    long after = usedAfterGc(memory);
    informers.shutdown();
    double perPod = (after - before) / (double) cached;
    String what = String.format(Locale.ROOT, "pod informer over %,d pods", cached);
    System.out.printf(Locale.ROOT, "   %s: %.0f bytes per pod%n", what, perPod);
    notes.add(String.format(Locale.ROOT, "Informer heap: %,d bytes before, %,d after syncing "
        + "%,d pods (all namespaces); the cache holds decoded records, indexes by namespace.",
        before, after, cached));
    return List.of(
        new Figure(what, "heap per pod (bytes)", perPod, false),
        new Figure(what, "heap per 10 000 pods (MB)", perPod * 10_000 / 1e6, false));
  }

  private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(200);
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }

  private void fail(String message) {
    System.out.println("*** " + message + " ***");
    notes.add(message);
    failed = true;
  }
}
