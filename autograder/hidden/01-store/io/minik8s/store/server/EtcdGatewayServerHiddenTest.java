package io.minik8s.store.server;

import static io.minik8s.store.server.FakeKeyValueStore.header;
import static io.minik8s.store.server.GatewayHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.Compare;
import io.minik8s.store.api.CompactionResponse;
import io.minik8s.store.api.DeleteRangeRequest;
import io.minik8s.store.api.DeleteRangeResponse;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.Lease;
import io.minik8s.store.api.PutRequest;
import io.minik8s.store.api.PutResponse;
import io.minik8s.store.api.RangeRequest;
import io.minik8s.store.api.RangeResponse;
import io.minik8s.store.api.RequestOp;
import io.minik8s.store.api.ResponseOp;
import io.minik8s.store.api.StoreError;
import io.minik8s.store.api.TxnRequest;
import io.minik8s.store.api.TxnResponse;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchRequest;
import io.minik8s.store.api.WatchResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * More of etcd 3.4's gateway: every expected body was captured from etcd 3.4.23 with curl, the
 * fake store scripted to the same state.
 */
@Timeout(10)
class EtcdGatewayServerHiddenTest {

  private static final String HEADER = """
      "header":{"cluster_id":"16128400632968936350","member_id":"17010963214147749224","revision":"%d","raft_term":"2"}""";

  private final GatewayHarness gateway = new GatewayHarness();
  private final FakeKeyValueStore store = gateway.store;

  @AfterEach
  void stop() {
    gateway.close();
  }

  private static String body(long revision, String rest) {
    return "{" + HEADER.formatted(revision) + rest + "}";
  }

  @Test
  @Graded(exercise = "1.6", points = 2, hint = "A delete answers with deleted (an int64) and prev_kvs; nothing deleted means only the header.")
  void deleteRangeAnswersDeletedAndPrevKvsLikeEtcd() {
    KeyValue b = new KeyValue(Bytes.of("/b"), 4, 4, 1, Bytes.of("x"), 0);
    store.onDeleteRange = r -> r.key().equals(Bytes.of("/b"))
        ? new DeleteRangeResponse(header(8), 1, List.of(b))
        : new DeleteRangeResponse(header(8), 0, List.of());

    var deleted = gateway.post("/v3/kv/deleterange", """
        {"key":"L2I=","prev_kv":true}""");
    var nothing = gateway.post("/v3/kv/deleterange", """
        {"key":"L25vcGU="}""");

    assertThat(store.requests).contains(DeleteRangeRequest.key(Bytes.of("/b")).withPrevKv());
    assertThat(deleted.json()).isEqualTo(json(body(8, """
        ,"deleted":"1","prev_kvs":[{"key":"L2I=","create_revision":"4","mod_revision":"4","version":"1","value":"eA=="}]""")));
    assertThat(nothing.json()).isEqualTo(json(body(8, "")));
  }

  @Test
  @Graded(exercise = "1.6", points = 3, hint = "Each compare target reads its operand from its own field; enums come as names or numbers; ops nest.")
  void everyCompareTargetAndANestedTxnAreDecoded() {
    store.onTxn = r -> new TxnResponse(header(10), true, List.of(new ResponseOp.Txn(
        new TxnResponse(header(0), true, List.of(new ResponseOp.Put(new PutResponse(header(10), null)))))));
    Bytes a = Bytes.of("/a");

    var reply = gateway.post("/v3/kv/txn", """
        {"compare":[{"key":"L2E=","target":"VALUE","result":"EQUAL","value":"djM="},
                    {"key":"L2E=","target":"VERSION","result":"GREATER","version":"1"},
                    {"key":"L2E=","target":1,"result":2,"create_revision":100},
                    {"key":"L2E=","range_end":"L2I=","target":"LEASE","result":"NOT_EQUAL","lease":"5"}],
         "success":[{"request_txn":{"success":[{"request_put":{"key":"L24=","value":"bg=="}}]}}],
         "failure":[{"request_delete_range":{"key":"L3E="}}]}""");

    assertThat(store.last(TxnRequest.class)).isEqualTo(new TxnRequest(
        List.of(Compare.value(a, Compare.Result.EQUAL, Bytes.of("v3")),
            Compare.version(a, Compare.Result.GREATER, 1),
            Compare.createRevision(a, Compare.Result.LESS, 100),
            new Compare(a, Bytes.of("/b"), Compare.Target.LEASE, Compare.Result.NOT_EQUAL, 5L)),
        List.of(new RequestOp.Txn(new TxnRequest(List.of(),
            List.of(new RequestOp.Put(PutRequest.of(Bytes.of("/n"), Bytes.of("n")))), List.of()))),
        List.of(new RequestOp.DeleteRange(DeleteRangeRequest.key(Bytes.of("/q"))))));
    // captured from etcd 3.4.23 for the nested txn
    assertThat(reply.json()).isEqualTo(json(body(10, """
        ,"succeeded":true,"responses":[{"response_txn":{"header":{},"succeeded":true,"responses":[{"response_put":{"header":{"revision":"10"}}}]}}]""")));
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "An enum name etcd does not know is a 400 naming the proto enum type, as Go's jsonpb says it.")
  void anUnknownCompareTargetIsRejectedWithEtcdsMessage() {
    var reply = gateway.post("/v3/kv/txn", """
        {"compare":[{"key":"L2E=","target":"BOGUS","result":0,"version":"1"}]}""");

    String message = "unknown value \\\"BOGUS\\\" for enum etcdserverpb.Compare_CompareTarget";
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json()).isEqualTo(json("""
        {"error":"%s","message":"%s","code":3}""".formatted(message, message)));
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "etcd checks every key inside a txn too, before the store sees it.")
  void anEmptyKeyInsideATxnIsRejected() {
    var reply = gateway.post("/v3/kv/txn", """
        {"success":[{"request_put":{"value":"dg=="}}]}""");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().get("message").asText()).isEqualTo(StoreError.EMPTY_KEY.message());
    assertThat(store.requests).as("the store must not see the txn").isEmpty();
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Requests may use JSON (lowerCamel) field names and int64 values as strings or numbers.")
  void camelCaseNamesAndInt64StringsAreAccepted() {
    store.onRange = r -> new RangeResponse(header(13), List.of(), false, 3);

    var reply = gateway.post("/v3/kv/range", """
        {"key":"Lw==","rangeEnd":"MA==","countOnly":true,"revision":"5","limit":7}""");

    assertThat(store.last(RangeRequest.class)).isEqualTo(new RangeRequest(Bytes.of("/"), Bytes.of("0"), 7, 5, false, true));
    assertThat(reply.json()).isEqualTo(json(body(13, ",\"count\":\"3\"")));
  }

  @Test
  @Graded(exercise = "1.6", points = 2, hint = "Lease responses use etcd's proto names: ID, TTL, grantedTTL; revoke and timetolive also live under /v3/kv/lease/.")
  void leaseEndpointsAnswerLikeEtcd() {
    store.onLeaseGrant = ttl -> new Lease.GrantResponse(header(4), 389739583519894541L, ttl);
    store.onLeaseTimeToLive = id -> id == 12345
        ? new Lease.TimeToLiveResponse(header(5), id, 29, 30, List.of(Bytes.of("/l")))
        : new Lease.TimeToLiveResponse(header(5), id, -1, 0, List.of());
    store.onLeaseRevoke = id -> new Lease.RevokeResponse(header(6));

    var grant = gateway.post("/v3/lease/grant", "{\"TTL\":\"30\"}");
    var ttl = gateway.post("/v3/kv/lease/timetolive", "{\"ID\":\"12345\",\"keys\":true}");
    var missing = gateway.post("/v3/lease/timetolive", "{\"ID\":\"999\"}");
    var revoke = gateway.post("/v3/kv/lease/revoke", "{\"ID\":\"12345\"}");
    var revokeAlias = gateway.post("/v3/lease/revoke", "{\"ID\":\"12345\"}");

    assertThat(grant.json()).isEqualTo(json(body(4, ",\"ID\":\"389739583519894541\",\"TTL\":\"30\"")));
    assertThat(ttl.json()).isEqualTo(json(body(5, ",\"ID\":\"12345\",\"TTL\":\"29\",\"grantedTTL\":\"30\",\"keys\":[\"L2w=\"]")));
    assertThat(missing.json()).isEqualTo(json(body(5, ",\"ID\":\"999\",\"TTL\":\"-1\"")));
    assertThat(revoke.json()).isEqualTo(json(body(6, "")));
    assertThat(revokeAlias.status()).isEqualTo(200);
    assertThat(store.requests).contains("leaseGrant ttl=30 id=0", "leaseTimeToLive 12345 keys=true", "leaseRevoke 12345");
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Keep-alive answers as a stream: one {\"result\":...} line; an unknown lease has no TTL.")
  void keepAliveAnswersOneResultLine() {
    store.onLeaseKeepAlive = id -> {
      if (id != 12345) {
        throw StoreError.LEASE_NOT_FOUND.exception();
      }
      return new Lease.KeepAliveResponse(header(5), id, 30);
    };
    store.status = new io.minik8s.store.api.StatusResponse(header(5), "3.4.23", 1, 1, 1, 2);

    var alive = gateway.post("/v3/lease/keepalive", "{\"ID\":\"12345\"}");
    var missing = gateway.post("/v3/lease/keepalive", "{\"ID\":\"999\"}");

    assertThat(json(alive.body().strip())).isEqualTo(json("{\"result\":" + body(5, ",\"ID\":\"12345\",\"TTL\":\"30\"") + "}"));
    assertThat(json(missing.body().strip())).isEqualTo(json("{\"result\":" + body(5, ",\"ID\":\"999\"") + "}"));
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Status fields are camelCase in etcd's proto (dbSize, raftIndex); the header is as everywhere.")
  void statusAnswersLikeEtcd() {
    store.status = new io.minik8s.store.api.StatusResponse(header(6), "3.4.23", 20480,
        Long.parseUnsignedLong("17010963214147749224"), 21, 2);

    var reply = gateway.post("/v3/maintenance/status", "{}");

    assertThat(reply.json()).isEqualTo(json(body(6, """
        ,"version":"3.4.23","dbSize":"20480","leader":"17010963214147749224","raftIndex":"21","raftTerm":"2\"""")));
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Compaction answers with the header; its errors are the store's, mapped like any other.")
  void compactionAnswersTheHeaderOrTheStoresError() {
    store.onCompact = rev -> {
      if (rev > 4) {
        throw StoreError.FUTURE_REVISION.exception();
      }
      return new CompactionResponse(header(4));
    };

    var ok = gateway.post("/v3/kv/compaction", "{\"revision\":\"3\"}");
    var future = gateway.post("/v3/kv/compaction", "{\"revision\":\"100\"}");

    assertThat(ok.json()).isEqualTo(json(body(4, "")));
    assertThat(future.status()).isEqualTo(400);
    assertThat(future.json().get("code").asInt()).isEqualTo(11);
    assertThat(store.requests).containsExactly("compact 3", "compact 100");
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Bound the body you read: an oversized request is etcd's 'request is too large', a 400.")
  void anOversizedBodyIsRefused() {
    try (var small = new GatewayHarness(1024)) {
      var reply = small.post("/v3/kv/put", "{\"key\":\"L2E=\",\"value\":\"" + "A".repeat(2000) + "\"}");

      assertThat(reply.status()).isEqualTo(400);
      assertThat(reply.json().get("message").asText()).isEqualTo(StoreError.REQUEST_TOO_LARGE.message());
      assertThat(small.store.requests).isEmpty();
    }
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "A store that fails unexpectedly is etcd's Unknown error (code 2, HTTP 500), and the server keeps serving.")
  void aStoreFailureIsAnUnknownErrorAndTheServerKeepsServing() {
    store.onRange = r -> {
      throw new IllegalStateException("boom");
    };

    var reply = gateway.post("/v3/kv/range", "{\"key\":\"L2E=\"}");
    store.onRange = r -> new RangeResponse(header(4), List.of(), false, 0);
    var next = gateway.post("/v3/kv/range", "{\"key\":\"L2E=\"}");

    assertThat(reply.status()).isEqualTo(500);
    assertThat(reply.json().get("code").asInt()).isEqualTo(2);
    assertThat(next.status()).isEqualTo(200);
  }

  @Test
  @Graded(exercise = "1.6", points = 2, hint = "A watch stream numbers its watch 0, decodes start_revision and progress_notify, and drops filtered events.")
  void watchDecodesItsOptionsAppliesFiltersAndNumbersTheWatchPerStream() throws Exception {
    try (var stream = gateway.openStream("/v3/watch", """
        {"create_request":{"key":"L3c=","range_end":"L3g=","start_revision":"5","progress_notify":true,"filters":["NOPUT"]}}""")) {
      assertThat(stream.status()).as("status of POST /v3/watch").isEqualTo(200);
      var watch = gateway.awaitWatch(0);
      assertThat(store.last(WatchRequest.class)).isEqualTo(new WatchRequest(Bytes.of("/w"), Bytes.of("/x"), 5, false, true));

      watch.emit(new WatchResponse(header(6), watch.id(), true, false, 0, "", List.of()));
      watch.emit(new WatchResponse(header(7), watch.id(), false, false, 0, "", List.of(
          new WatchEvent(WatchEvent.Type.PUT, new KeyValue(Bytes.of("/w1"), 7, 7, 1, Bytes.of("a"), 0), null))));
      watch.emit(new WatchResponse(header(9), watch.id(), false, false, 0, "", List.of(
          new WatchEvent(WatchEvent.Type.DELETE, new KeyValue(Bytes.of("/w1"), 0, 9, 0, Bytes.EMPTY, 0), null))));

      // captured from etcd 3.4.23 with filters ["NOPUT"]: the PUT batch is not sent at all
      assertThat(json(stream.nextLine())).isEqualTo(json("{\"result\":" + body(6, ",\"created\":true") + "}"));
      assertThat(json(stream.nextLine())).isEqualTo(json("{\"result\":" + body(9, """
          ,"events":[{"type":"DELETE","kv":{"key":"L3cx","mod_revision":"9"}}]""") + "}"));
    }
  }

  @Test
  @Graded(exercise = "1.6", points = 2, hint = "When the client goes away, the next write to its stream fails: close the store's watch then.")
  void aWatchEndsWhenItsClientDisconnects() throws Exception {
    var stream = gateway.openStream("/v3/watch", "{\"create_request\":{\"key\":\"L2E=\"}}");
    assertThat(stream.status()).as("status of POST /v3/watch").isEqualTo(200);
    var watch = gateway.awaitWatch(0);
    watch.emit(new WatchResponse(header(6), watch.id(), true, false, 0, "", List.of()));
    assertThat(stream.nextLine()).contains("\"created\":true");

    stream.close();

    KeyValue a = new KeyValue(Bytes.of("/a"), 7, 7, 1, Bytes.of("a"), 0);
    await("the store's watch closed after the client left").atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> {
          watch.emit(new WatchResponse(header(7), watch.id(), false, false, 0, "",
              List.of(new WatchEvent(WatchEvent.Type.PUT, a, null))));
          return watch.closed.get();
        });
  }

  @Test
  @Graded(exercise = "1.6", points = 1, hint = "Stopping the server ends open watch streams and closes their watches.")
  void stoppingTheServerEndsWatchStreams() throws Exception {
    try (var stream = gateway.openStream("/v3/watch", "{\"create_request\":{\"key\":\"L2E=\"}}")) {
      assertThat(stream.status()).as("status of POST /v3/watch").isEqualTo(200);
      var watch = gateway.awaitWatch(0);
      watch.emit(new WatchResponse(header(6), watch.id(), true, false, 0, "", List.of()));
      assertThat(stream.nextLine()).contains("\"created\":true");

      gateway.server.stop();

      assertThat(stream.nextLine()).as("the stream after stop").isNull();
      await().atMost(Duration.ofSeconds(5)).until(watch.closed::get);
    } catch (java.io.UncheckedIOException reset) {
      // a reset instead of a clean end is also an end
      await().atMost(Duration.ofSeconds(5)).until(store.watches.get(0).closed::get);
    }
  }
}
