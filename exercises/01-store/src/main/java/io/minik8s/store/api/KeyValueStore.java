package io.minik8s.store.api;

/**
 * The store as the API server uses it: etcd v3's KV, Watch, Lease and Maintenance services. Three
 * implementations keep this one contract: the embedded store, a client of our HTTP server, and a
 * client of real etcd's JSON gateway; one contract test suite runs against all three.
 *
 * <p>Every write is atomic and advances the store's revision by exactly one; a write that changes
 * nothing (a delete of missing keys, a txn whose branch only reads) does not advance it. Every
 * method is thread-safe. Errors are {@link StoreException}s carrying etcd's {@link StoreError}.
 */
public interface KeyValueStore extends AutoCloseable {

  RangeResponse range(RangeRequest request);

  PutResponse put(PutRequest request);

  DeleteRangeResponse deleteRange(DeleteRangeRequest request);

  TxnResponse txn(TxnRequest request);

  /**
   * Discards the history before {@code revision}, done when this returns: reads and watches from
   * before it then fail, and a watch from {@code revision} itself replays only the puts made at it.
   */
  CompactionResponse compact(long revision);

  /** Starts a watch; its responses go to {@code listener}, beginning with a {@code created} one. */
  Watch watch(WatchRequest request, WatchListener listener);

  /** @param id the lease id to use, or 0 to let the store choose one */
  Lease.GrantResponse leaseGrant(long ttlSeconds, long id);

  /** Revokes the lease and deletes its keys, in one revision. */
  Lease.RevokeResponse leaseRevoke(long id);

  Lease.KeepAliveResponse leaseKeepAlive(long id);

  Lease.TimeToLiveResponse leaseTimeToLive(long id, boolean keys);

  StatusResponse status();

  @Override
  void close();
}
