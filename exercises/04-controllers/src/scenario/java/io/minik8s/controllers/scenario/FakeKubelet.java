package io.minik8s.controllers.scenario;

import io.minik8s.client.cache.DefaultSharedInformerFactory;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.ConflictException;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.PodStatus;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Timestamps;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for every kubelet, since module 06 does not exist yet: each new pod becomes Running
 * and Ready with a pod IP (127.1.x.y), and a pod marked for graceful deletion is deleted for good
 * (grace 0), as a kubelet does once its containers stopped. Pods bound to a node in
 * {@link #stopNode} are left alone: that node's kubelet is dead.
 */
final class FakeKubelet implements AutoCloseable {

  private final KubeClient client;
  private final Clock clock;
  private final DefaultSharedInformerFactory informers;
  /** One thread: status writes in event order, never two for one pod at once. */
  private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fake-kubelet");
    t.setDaemon(true);
    return t;
  });
  private final Set<String> deadNodes = ConcurrentHashMap.newKeySet();
  private final AtomicInteger nextIp = new AtomicInteger(1);

  FakeKubelet(KubeClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
    this.informers = new DefaultSharedInformerFactory(client, Duration.ofHours(1), clock);
    SharedIndexInformer<Pod> pods = informers.informerFor(Pod.class);
    pods.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        writer.execute(() -> handle(pod));
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        writer.execute(() -> handle(newPod));
      }
    });
    informers.start();
  }

  /** That node's kubelet dies: its pods are no longer run, updated nor finalized. */
  void stopNode(String nodeName) {
    deadNodes.add(nodeName);
  }

  private void handle(Pod pod) {
    String node = pod.spec() == null ? null : pod.spec().nodeName();
    if (node != null && deadNodes.contains(node)) {
      return;
    }
    String ns = pod.metadata().namespace();
    String name = pod.metadata().name();
    try {
      if (pod.metadata().deletionTimestamp() != null) {
        client.resource(Pod.class).delete(ns, name, new DeleteOptions(null, 0L, null, null));
        return;
      }
      if (isReady(pod)) {
        return;
      }
      String now = Timestamps.format(clock.instant());
      int n = nextIp.getAndIncrement();
      PodStatus status = PodStatus.ofPhase(PodStatus.RUNNING)
          .withAddresses("127.0.0.1", "127.1." + (n / 250) + "." + (1 + n % 250))
          .withStartTime(now)
          .withConditions(List.of(Condition.of("Ready", Condition.TRUE, null, null, now)));
      client.resource(Pod.class).updateStatus(pod.withStatus(status));
    } catch (ConflictException | NotFoundException e) {
      // a newer version is on its way to us, or the pod is gone: its event will tell
    } catch (RuntimeException e) {
      System.getLogger("fake-kubelet").log(System.Logger.Level.WARNING,
          "fake kubelet: pod " + ns + "/" + name + ": " + e);
    }
  }

  private static boolean isReady(Pod pod) {
    return pod.status() != null
        && Condition.find(pod.status().conditions(), "Ready").map(Condition::isTrue).orElse(false);
  }

  @Override
  public void close() {
    informers.shutdown();
    writer.shutdownNow();
  }
}
