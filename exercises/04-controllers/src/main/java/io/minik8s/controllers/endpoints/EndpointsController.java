package io.minik8s.controllers.endpoints;

import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.DeleteOptions;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.controllers.pods.PodConditions;
import io.minik8s.objects.api.core.Container;
import io.minik8s.objects.api.core.ContainerPort;
import io.minik8s.objects.api.core.EndpointAddress;
import io.minik8s.objects.api.core.EndpointPort;
import io.minik8s.objects.api.core.EndpointSubset;
import io.minik8s.objects.api.core.Endpoints;
import io.minik8s.objects.api.core.ObjectReference;
import io.minik8s.objects.api.core.Pod;
import io.minik8s.objects.api.core.Service;
import io.minik8s.objects.api.core.ServicePort;
import io.minik8s.objects.labels.Selector;
import io.minik8s.objects.meta.ObjectMeta;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Keeps one {@link Endpoints} object per Service with a selector: the IPs of the pods the
 * selector matches, ready ones in {@code addresses} and the others in {@code notReadyAddresses},
 * with the pod port every service port targets. kube-proxy (module 06) routes the service's
 * virtual IP to these addresses.
 *
 * <p>Keys are services ({@code namespace/name}). A pod event enqueues every service of its
 * namespace whose selector matches the pod, with its old labels as well as its new ones: a pod
 * whose labels changed must leave the Endpoints of the services it no longer matches.
 *
 * <p>Upstream: pkg/controller/endpoint/endpoints_controller.go ({@code syncService},
 * {@code addEndpointSubset}) and {@code podutil.FindPort} (pkg/api/v1/pod/util.go).
 */
public final class EndpointsController implements Controller {

  public static final String NAME = "endpoint";

  /** Writes and deletes Endpoints. */
  private final KubeClient client;
  /** The cache of services: what each Endpoints object should serve. */
  private final Indexer<Service> services;
  /** The cache of pods: the candidates behind every service. */
  private final Indexer<Pod> pods;
  /** The cache of Endpoints: what is written now, so an unchanged one is not rewritten. */
  private final Indexer<Endpoints> endpoints;
  private final ControllerLoop loop;

  public EndpointsController(
      KubeClient client,
      SharedIndexInformer<Service> serviceInformer,
      SharedIndexInformer<Pod> podInformer,
      SharedIndexInformer<Endpoints> endpointsInformer,
      Clock clock) {
    this.client = client;
    this.services = serviceInformer.indexer();
    this.pods = podInformer.indexer();
    this.endpoints = endpointsInformer.indexer();
    this.loop = new ControllerLoop(NAME,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, List.of(serviceInformer, podInformer, endpointsInformer));
    serviceInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Service service) {
        loop.enqueue(service);
      }

      @Override
      public void onUpdate(Service oldService, Service newService) {
        loop.enqueue(newService);
      }

      @Override
      public void onDelete(Service service) {
        loop.enqueue(service);
      }
    });
    podInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Pod pod) {
        servicesSelecting(pod).forEach(loop::enqueue);
      }

      @Override
      public void onUpdate(Pod oldPod, Pod newPod) {
        Set<String> keys = new LinkedHashSet<>(servicesSelecting(newPod));
        if (!labels(oldPod).equals(labels(newPod))) {
          keys.addAll(servicesSelecting(oldPod));
        }
        keys.forEach(loop::enqueue);
      }

      @Override
      public void onDelete(Pod pod) {
        servicesSelecting(pod).forEach(loop::enqueue);
      }
    });
  }

  /** The controller on the manager's shared informers. */
  public static EndpointsController create(ControllerContext ctx) {
    return new EndpointsController(ctx.client(), ctx.informers().informerFor(Service.class),
        ctx.informers().informerFor(Pod.class), ctx.informers().informerFor(Endpoints.class),
        ctx.clock());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  /**
   * The keys of the services in the pod's namespace whose selector matches the pod's labels. A
   * service without a selector selects nothing here: its Endpoints are managed by hand.
   */
  List<String> servicesSelecting(Pod pod) {
    // BEGIN EXERCISE 4.5 — which services select this pod
    throw new UnsupportedOperationException("TODO exercise 4.5: which services select this pod");
    // END EXERCISE 4.5
  }

  /**
   * Level-based: the service's Endpoints are recomputed from the pods in the cache and written
   * only when they differ from what is stored.
   */
  void sync(String key) {
    String namespace = Keys.namespace(key);
    String name = Keys.name(key);
    Optional<Service> service = services.getByKey(key);
    if (service.isEmpty()) {
      // The service is gone: its Endpoints go too (upstream relies on the garbage collector's
      // absence of owner refs here, and deletes explicitly).
      try {
        client.resource(Endpoints.class).delete(namespace, name, DeleteOptions.DEFAULT);
      } catch (NotFoundException alreadyGone) {
        // nothing to do
      }
      return;
    }
    Optional<List<EndpointSubset>> desired =
        desiredSubsets(service.get(), podsInNamespace(namespace));
    if (desired.isEmpty()) {
      return; // no selector: endpoints managed by hand (or by another controller), not ours
    }
    List<EndpointSubset> subsets = desired.get();
    Optional<Endpoints> current = endpoints.getByKey(key);
    if (current.isPresent() && current.get().subsets().equals(subsets)
        && current.get().metadata().labels().equals(service.get().metadata().labels())) {
      return; // unchanged: no write, no new resourceVersion, no watch event for every proxy
    }
    if (current.isEmpty()) {
      Endpoints created = new Endpoints(
          ObjectMeta.named(namespace, name).withLabels(service.get().metadata().labels()),
          subsets);
      client.resource(Endpoints.class).create(created);
    } else {
      Endpoints old = current.get();
      client.resource(Endpoints.class).update(old
          .withMetadata(old.metadata().withLabels(service.get().metadata().labels()))
          .withSubsets(subsets));
    }
  }

  private List<Pod> podsInNamespace(String namespace) {
    return pods.byIndex(Indexer.BY_NAMESPACE, namespace);
  }

  /**
   * The subsets the service should have: one entry per (pod, service port) for every selected pod
   * that has an IP, is not being deleted and has not finished, packed by {@link EndpointSubsets};
   * empty (not an empty list) for a service without a selector, whose Endpoints are not ours.
   */
  static Optional<List<EndpointSubset>> desiredSubsets(Service service, List<Pod> candidates) {
    // BEGIN EXERCISE 4.5 — addresses and ports from pods
    throw new UnsupportedOperationException("TODO exercise 4.5: addresses and ports from pods");
    // END EXERCISE 4.5
  }

  /** Has an IP, is not being deleted and has not finished (upstream's ShouldPodBeInEndpoints). */
  static boolean belongsInEndpoints(Pod pod) {
    String ip = pod.status() == null ? null : pod.status().podIP();
    return ip != null && !ip.isEmpty()
        && pod.metadata().deletionTimestamp() == null
        && !PodConditions.isTerminal(pod);
  }

  /** The pod's address: its IP, its node, and a reference back to it. */
  static EndpointAddress addressOf(Pod pod) {
    ObjectMeta meta = pod.metadata();
    ObjectReference ref = new ObjectReference("Pod", meta.namespace(), meta.name(), meta.uid(),
        null, null, null, null);
    String node = pod.spec() == null ? null : pod.spec().nodeName();
    return new EndpointAddress(pod.status().podIP(), node, ref);
  }

  /**
   * The pod port a service port sends traffic to: its {@code targetPort} when a number (or the
   * service port when none is given), else the container port of that name and protocol; empty
   * when no container has such a named port. Upstream: {@code podutil.FindPort}.
   */
  static OptionalInt findPort(Pod pod, ServicePort servicePort) {
    if (servicePort.targetPort() == null) {
      return OptionalInt.of(servicePort.port());
    }
    if (servicePort.targetPort().isInt()) {
      return OptionalInt.of(servicePort.targetPort().intValue());
    }
    String name = servicePort.targetPort().stringValue();
    String protocol = protocol(servicePort.protocol());
    List<Container> containers = pod.spec() == null ? List.of() : pod.spec().containers();
    for (Container container : containers) {
      for (ContainerPort port : container.ports()) {
        if (name.equals(port.name()) && protocol.equals(protocol(port.protocol()))) {
          return OptionalInt.of(port.containerPort());
        }
      }
    }
    return OptionalInt.empty();
  }

  private static String protocol(String protocol) {
    return protocol == null || protocol.isEmpty() ? "TCP" : protocol;
  }

  private static Map<String, String> selectorOf(Service service) {
    return service.spec() == null ? Map.of() : Objects.requireNonNullElse(
        service.spec().selector(), Map.of());
  }

  private static Map<String, String> labels(Pod pod) {
    return pod.metadata().labels();
  }
}
