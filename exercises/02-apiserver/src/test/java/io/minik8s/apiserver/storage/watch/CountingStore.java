package io.minik8s.apiserver.storage.watch;

import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import java.util.concurrent.atomic.AtomicInteger;

/** A store that counts the watches opened on it, delegating everything. */
public final class CountingStore implements KeyValueStore {

  private final KeyValueStore delegate;
  public final AtomicInteger watches = new AtomicInteger();

  public CountingStore(KeyValueStore delegate) {
    this.delegate = delegate;
  }

  @Override public RangeResponse range(RangeRequest request) { return delegate.range(request); }
  @Override public PutResponse put(PutRequest request) { return delegate.put(request); }
  @Override public DeleteRangeResponse deleteRange(DeleteRangeRequest request) { return delegate.deleteRange(request); }
  @Override public TxnResponse txn(TxnRequest request) { return delegate.txn(request); }
  @Override public CompactionResponse compact(long revision) { return delegate.compact(revision); }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    watches.incrementAndGet();
    return delegate.watch(request, listener);
  }

  @Override public Lease.GrantResponse leaseGrant(long ttlSeconds, long id) { return delegate.leaseGrant(ttlSeconds, id); }
  @Override public Lease.RevokeResponse leaseRevoke(long id) { return delegate.leaseRevoke(id); }
  @Override public Lease.KeepAliveResponse leaseKeepAlive(long id) { return delegate.leaseKeepAlive(id); }
  @Override public Lease.TimeToLiveResponse leaseTimeToLive(long id, boolean keys) { return delegate.leaseTimeToLive(id, keys); }
  @Override public StatusResponse status() { return delegate.status(); }
  @Override public void close() { delegate.close(); }
}
