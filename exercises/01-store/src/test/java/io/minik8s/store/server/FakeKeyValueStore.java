package io.minik8s.store.server;

import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValueStore;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StatusResponse;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.Watch;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * A scripted store for testing the gateway alone: each operation answers with the function a
 * test sets (by default it fails the test), and every request is recorded. Watches are driven by
 * hand with {@link FakeWatch#emit}.
 */
class FakeKeyValueStore implements KeyValueStore {

  /** etcd 3.4.23's header from the captures in the tests (cluster and member ids are uint64). */
  static final ResponseHeader HEADER_6 = header(6);

  static ResponseHeader header(long revision) {
    return new ResponseHeader(Long.parseUnsignedLong("16128400632968936350"),
        Long.parseUnsignedLong("17010963214147749224"), revision, 2);
  }

  final List<Object> requests = new CopyOnWriteArrayList<>();
  final List<FakeWatch> watches = new CopyOnWriteArrayList<>();

  Function<RangeRequest, RangeResponse> onRange = r -> unexpected("range");
  Function<PutRequest, PutResponse> onPut = r -> unexpected("put");
  Function<DeleteRangeRequest, DeleteRangeResponse> onDeleteRange = r -> unexpected("deleteRange");
  Function<TxnRequest, TxnResponse> onTxn = r -> unexpected("txn");
  LongFunction<CompactionResponse> onCompact = r -> unexpected("compact");
  LongFunction<Lease.GrantResponse> onLeaseGrant = ttl -> unexpected("leaseGrant");
  LongFunction<Lease.RevokeResponse> onLeaseRevoke = id -> unexpected("leaseRevoke");
  LongFunction<Lease.KeepAliveResponse> onLeaseKeepAlive = id -> unexpected("leaseKeepAlive");
  LongFunction<Lease.TimeToLiveResponse> onLeaseTimeToLive = id -> unexpected("leaseTimeToLive");
  StatusResponse status = new StatusResponse(HEADER_6, "3.4.23", 20480, header(0).memberId(), 21, 2);

  private static <T> T unexpected(String operation) {
    throw new AssertionError("the gateway called " + operation + " on the store unexpectedly");
  }

  /** The last request recorded, of the given type. */
  <T> T last(Class<T> type) {
    for (int i = requests.size() - 1; i >= 0; i--) {
      if (type.isInstance(requests.get(i))) {
        return type.cast(requests.get(i));
      }
    }
    throw new AssertionError("the store received no " + type.getSimpleName() + "; it received " + requests);
  }

  @Override
  public RangeResponse range(RangeRequest request) {
    requests.add(request);
    return onRange.apply(request);
  }

  @Override
  public PutResponse put(PutRequest request) {
    requests.add(request);
    return onPut.apply(request);
  }

  @Override
  public DeleteRangeResponse deleteRange(DeleteRangeRequest request) {
    requests.add(request);
    return onDeleteRange.apply(request);
  }

  @Override
  public TxnResponse txn(TxnRequest request) {
    requests.add(request);
    return onTxn.apply(request);
  }

  @Override
  public CompactionResponse compact(long revision) {
    requests.add("compact " + revision);
    return onCompact.apply(revision);
  }

  @Override
  public Watch watch(WatchRequest request, WatchListener listener) {
    requests.add(request);
    FakeWatch watch = new FakeWatch(watches.size() + 7, listener);
    watches.add(watch);
    return watch;
  }

  @Override
  public Lease.GrantResponse leaseGrant(long ttlSeconds, long id) {
    requests.add("leaseGrant ttl=" + ttlSeconds + " id=" + id);
    return onLeaseGrant.apply(ttlSeconds);
  }

  @Override
  public Lease.RevokeResponse leaseRevoke(long id) {
    requests.add("leaseRevoke " + id);
    return onLeaseRevoke.apply(id);
  }

  @Override
  public Lease.KeepAliveResponse leaseKeepAlive(long id) {
    requests.add("leaseKeepAlive " + id);
    return onLeaseKeepAlive.apply(id);
  }

  @Override
  public Lease.TimeToLiveResponse leaseTimeToLive(long id, boolean keys) {
    requests.add("leaseTimeToLive " + id + " keys=" + keys);
    return onLeaseTimeToLive.apply(id);
  }

  @Override
  public StatusResponse status() {
    return status;
  }

  @Override
  public void close() {}

  /** A watch the test drives: {@link #emit} calls the gateway's listener on the test's thread. */
  static final class FakeWatch implements Watch {
    private final long id;
    private final WatchListener listener;
    final AtomicBoolean closed = new AtomicBoolean();

    FakeWatch(long id, WatchListener listener) {
      this.id = id;
      this.listener = listener;
    }

    void emit(WatchResponse response) {
      listener.onResponse(response);
    }

    @Override
    public long id() {
      return id;
    }

    @Override
    public void close() {
      closed.set(true);
    }
  }
}
