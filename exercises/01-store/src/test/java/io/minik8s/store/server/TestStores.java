package io.minik8s.store.server;

import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.WatchResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongFunction;

/** Lets tests in other packages (the client's) use the scripted {@link FakeKeyValueStore}. */
public final class TestStores {

  private TestStores() {}

  /** An opaque handle on a scripted store whose watches answer "created" at once. */
  public static final class Scripted {
    final FakeKeyValueStore fake = new FakeKeyValueStore() {
      @Override
      public io.minik8s.store.api.Watch watch(io.minik8s.store.api.WatchRequest request,
          io.minik8s.store.api.WatchListener listener) {
        io.minik8s.store.api.Watch w = super.watch(request, listener);
        watches.get(watches.size() - 1).emit(new WatchResponse(header(4), 0, true, false, 0, "", List.of()));
        return w;
      }
    };
  }

  public static Scripted scripted() {
    return new Scripted();
  }

  public static EtcdGatewayServer serve(Scripted store) {
    try {
      return EtcdGatewayServer.start(store.fake, 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static void onRange(Scripted store, Function<RangeRequest, RangeResponse> f) {
    store.fake.onRange = f;
  }

  public static void onPut(Scripted store, Function<PutRequest, PutResponse> f) {
    store.fake.onPut = f;
  }

  public static void onKeepAlive(Scripted store, LongFunction<Lease.KeepAliveResponse> f) {
    store.fake.onLeaseKeepAlive = f;
  }

  public static List<Object> requests(Scripted store) {
    return List.copyOf(store.fake.requests);
  }

  /** Sends a response to the latest watch. */
  public static void emit(Scripted store, WatchResponse response) {
    store.fake.watches.get(store.fake.watches.size() - 1).emit(response);
  }

  public static boolean watchClosed(Scripted store) {
    return store.fake.watches.get(store.fake.watches.size() - 1).closed.get();
  }
}
