package io.minik8s.store.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.KeyValue;
import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.mvcc.Commit;
import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.StoreState;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The codec is given code (not an exercise): these tests pin its file format. */
class MutationCodecTest {

  static final KeyValue BINARY = new KeyValue(Bytes.of(new byte[] {(byte) 0xff, 0, 1}), 3, 4, 2, Bytes.of(new byte[] {0}), 7);

  static Stream<Arguments> mutations() {
    KeyValue deleted = new KeyValue(Bytes.of("/a"), 0, 9, 0, Bytes.EMPTY, 0);
    return Stream.of(
        Arguments.of("put", WalFixtures.put(1, "/registry/pods/default/web", "{\"kind\":\"Pod\"}")),
        Arguments.of("put with prevKv and binary bytes", new Mutation.Write(new Commit(5,
            List.of(new WatchEvent(WatchEvent.Type.PUT, BINARY, BINARY))))),
        Arguments.of("txn: put and delete", new Mutation.Write(new Commit(9, List.of(
            new WatchEvent(WatchEvent.Type.PUT, BINARY, null),
            new WatchEvent(WatchEvent.Type.DELETE, deleted, BINARY))))),
        Arguments.of("lease granted", new Mutation.LeaseGranted(0x1234_5678_9abcL, 10)),
        Arguments.of("lease revoked", new Mutation.LeaseRevoked(42)),
        Arguments.of("compacted", new Mutation.Compacted(5)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mutations")
  void mutationsRoundTrip(String name, Mutation mutation) {
    assertThat(MutationCodec.decodeMutation(MutationCodec.encode(mutation))).as(name).isEqualTo(mutation);
  }

  @Test
  void theFormatIsReadableJsonWithBase64Bytes() {
    String json = new String(MutationCodec.encode(WalFixtures.put(7, "/a", "1")), StandardCharsets.UTF_8);
    assertThat(json).isEqualTo("{\"type\":\"write\",\"revision\":7,\"events\":[{\"type\":\"PUT\",\"kv\":{\"key\":\"L2E=\","
        + "\"createRevision\":7,\"modRevision\":7,\"version\":1,\"value\":\"MQ==\",\"lease\":0}}]}");
  }

  @Test
  void storeStatesRoundTrip() {
    StoreState state = new StoreState(9, 4, List.of(BINARY),
        List.of(new Commit(9, List.of(new WatchEvent(WatchEvent.Type.PUT, BINARY, null)))),
        List.of(new StoreState.LeaseRecord(7, 30)));
    assertThat(MutationCodec.decodeState(MutationCodec.encode(state))).isEqualTo(state);
  }

  @Test
  void garbageIsRejectedWithAReason() {
    assertThatThrownBy(() -> MutationCodec.decodeMutation("{\"type\":\"frobnicate\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frobnicate");
    assertThatThrownBy(() -> MutationCodec.decodeMutation("{\"type\":\"compacted\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("revision");
  }
}
