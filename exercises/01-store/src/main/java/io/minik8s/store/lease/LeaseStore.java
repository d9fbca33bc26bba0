package io.minik8s.store.lease;

/**
 * What the {@link Lessor} needs from the key-value store, implemented by the MVCC store (etcd:
 * {@code lease.RangeDeleter} in lease/lessor.go). Revoking goes through the store so that it holds
 * the store's write lock while the lease disappears: no put can attach a key to the lease between
 * the moment its keys are collected and the moment they are deleted.
 */
public interface LeaseStore {

  /** Records a grant the lessor has made in the store's mutation log. */
  void recordGrant(long id, long ttlSeconds);

  /**
   * Holding the store's write lock: calls {@link Lessor#remove(long)}, deletes the keys it returns
   * at one revision, and records the revoke.
   *
   * @throws io.minik8s.store.api.StoreException LEASE_NOT_FOUND if the lease does not exist
   */
  void revoke(long id);
}
