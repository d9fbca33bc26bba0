package io.minik8s.controllers.serviceaccount;

import io.minik8s.client.cache.Indexer;
import io.minik8s.client.cache.Keys;
import io.minik8s.client.cache.ResourceEventHandler;
import io.minik8s.client.cache.SharedIndexInformer;
import io.minik8s.client.errors.AlreadyExistsException;
import io.minik8s.client.rest.KubeClient;
import io.minik8s.client.workqueue.RateLimiters;
import io.minik8s.client.workqueue.WorkQueues;
import io.minik8s.controllers.loop.Controller;
import io.minik8s.controllers.loop.ControllerLoop;
import io.minik8s.controllers.manager.ControllerContext;
import io.minik8s.objects.api.core.Namespace;
import io.minik8s.objects.api.core.NamespaceStatus;
import io.minik8s.objects.api.core.ServiceAccount;
import io.minik8s.objects.meta.ObjectMeta;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure every active namespace has a ServiceAccount named {@code default}: pods that name no
 * service account run as it, and admission rejects pods whose account is missing. Deleting it
 * brings it back.
 *
 * <p>Keys are namespace names. A namespace event enqueues the namespace; a deleted
 * {@code default} account enqueues its namespace.
 *
 * <p>Upstream: pkg/controller/serviceaccount/serviceaccounts_controller.go ({@code syncNamespace},
 * with {@code ServiceAccountsToEnsure = [default]}).
 */
public final class ServiceAccountController implements Controller {

  public static final String NAME = "serviceaccount";

  /** The account every namespace gets. */
  public static final String DEFAULT = "default";

  /** Creates the accounts. */
  private final KubeClient client;
  /** The cache of namespaces: which exist, and whether they are terminating. */
  private final Indexer<Namespace> namespaces;
  /** The cache of service accounts: which already exist. */
  private final Indexer<ServiceAccount> accounts;
  private final ControllerLoop loop;

  public ServiceAccountController(
      KubeClient client,
      SharedIndexInformer<ServiceAccount> accountInformer,
      SharedIndexInformer<Namespace> namespaceInformer,
      Clock clock) {
    this.client = client;
    this.namespaces = namespaceInformer.indexer();
    this.accounts = accountInformer.indexer();
    this.loop = new ControllerLoop(NAME,
        WorkQueues.rateLimiting(RateLimiters.defaultController(clock), clock),
        this::sync, 15, List.of(accountInformer, namespaceInformer));
    namespaceInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onAdd(Namespace namespace) {
        loop.enqueue(namespace.metadata().name());
      }

      @Override
      public void onUpdate(Namespace oldNamespace, Namespace newNamespace) {
        loop.enqueue(newNamespace.metadata().name());
      }
    });
    accountInformer.addEventHandler(new ResourceEventHandler<>() {
      @Override
      public void onDelete(ServiceAccount account) {
        if (DEFAULT.equals(account.metadata().name())) {
          loop.enqueue(account.metadata().namespace());
        }
      }
    });
  }

  public static ServiceAccountController create(ControllerContext ctx) {
    return new ServiceAccountController(ctx.client(),
        ctx.informers().informerFor(ServiceAccount.class),
        ctx.informers().informerFor(Namespace.class), ctx.clock());
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ControllerLoop loop() {
    return loop;
  }

  /** Ensures the namespace named {@code key} has its {@code default} account. */
  void sync(String key) {
    // BEGIN EXERCISE 4.5 — ensure the default ServiceAccount
    throw new UnsupportedOperationException("TODO exercise 4.5: ensure the default ServiceAccount");
    // END EXERCISE 4.5
  }

  private static boolean isTerminating(Namespace namespace) {
    return namespace.metadata().deletionTimestamp() != null
        || (namespace.status() != null
            && NamespaceStatus.TERMINATING.equals(namespace.status().phase()));
  }
}
