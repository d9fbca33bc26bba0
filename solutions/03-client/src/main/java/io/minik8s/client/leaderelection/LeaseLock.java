package io.minik8s.client.leaderelection;

import io.minik8s.client.errors.NotFoundException;
import io.minik8s.client.rest.ResourceClient;
import io.minik8s.objects.api.coordination.Lease;
import io.minik8s.objects.api.coordination.LeaseSpec;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.Optional;

/**
 * The leader-election record kept in one {@code coordination.k8s.io/v1} Lease (upstream:
 * k8s.io/client-go/tools/leaderelection/resourcelock/leaselock.go).
 *
 * <p>Fencing: the lock remembers the Lease it last read or wrote, and {@link #update} sends that
 * Lease's resourceVersion. If anyone wrote the Lease in between (a rival candidate taking it, or
 * a second copy of ourselves), the API server answers 409 Conflict and the write is refused, so
 * two candidates can never both believe their write made them leader.
 */
public final class LeaseLock {

  private final ResourceClient<Lease> leases;
  private final String namespace;
  private final String name;

  /** The Lease as last read or written, with its resourceVersion; null before the first. */
  private Lease lease;

  public LeaseLock(ResourceClient<Lease> leases, String namespace, String name) {
    this.leases = leases;
    this.namespace = namespace;
    this.name = name;
  }

  /** Reads the record; empty if the Lease does not exist yet. */
  public synchronized Optional<LeaseSpec> get() {
    try {
      lease = leases.get(namespace, name);
    } catch (NotFoundException e) {
      return Optional.empty();
    }
    return Optional.of(lease.spec() == null
        ? new LeaseSpec(null, null, null, null, null)
        : lease.spec());
  }

  /**
   * Creates the Lease holding {@code record}.
   *
   * @throws io.minik8s.client.errors.AlreadyExistsException if a rival created it first
   */
  public synchronized void create(LeaseSpec record) {
    lease = leases.create(new Lease(ObjectMeta.named(namespace, name), record));
  }

  /**
   * Writes {@code record} over the Lease last read or written, guarded by its resourceVersion.
   *
   * @throws io.minik8s.client.errors.ConflictException if the Lease changed since
   * @throws IllegalStateException if neither {@link #get} nor {@link #create} succeeded before
   */
  public synchronized void update(LeaseSpec record) {
    if (lease == null) {
      throw new IllegalStateException("lease " + describe() + " not read yet: call get or create first");
    }
    lease = leases.update(lease.withSpec(record));
  }

  /** {@code namespace/name}, for messages. */
  public String describe() {
    return namespace + "/" + name;
  }
}
