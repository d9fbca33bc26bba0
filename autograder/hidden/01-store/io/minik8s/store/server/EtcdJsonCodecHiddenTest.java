package io.minik8s.store.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.Graded;
import io.minik8s.store.api.Bytes;
import io.minik8s.store.api.ResponseHeader;
import io.minik8s.store.api.StoreException;
import io.minik8s.store.api.WatchResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The gateway's JSON codec on its own: options it must refuse, shapes it must check, fields it must write. */
class EtcdJsonCodecHiddenTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  @Graded(exercise = "1.6", points = 1,
      hint = "Range and put options the store does not implement (sort_order, ignore_value, ...) must be a 400 naming the option"
          + " when set, never silently ignored; their default values are fine.")
  void unsupportedOptionsAreRefusedUnlessDefault() {
    assertThatThrownBy(() -> EtcdJsonCodec.decodeRange(json("{\"key\":\"YQ==\",\"sort_order\":\"DESCEND\"}")))
        .isInstanceOf(StoreException.class).hasMessageContaining("sort_order");
    assertThatThrownBy(() -> EtcdJsonCodec.decodeRange(json("{\"key\":\"YQ==\",\"min_mod_revision\":\"3\"}")))
        .isInstanceOf(StoreException.class).hasMessageContaining("min_mod_revision");
    assertThatThrownBy(() -> EtcdJsonCodec.decodePut(json("{\"key\":\"YQ==\",\"ignore_value\":true}")))
        .isInstanceOf(StoreException.class).hasMessageContaining("ignore_value");
    assertThat(EtcdJsonCodec.decodeRange(json("{\"key\":\"YQ==\",\"sort_order\":\"NONE\",\"limit\":\"2\"}")).limit())
        .as("sort_order NONE is the default").isEqualTo(2);
    assertThat(EtcdJsonCodec.decodePut(json("{\"key\":\"YQ==\",\"ignore_lease\":false}")).key())
        .as("ignore_lease false is the default").isEqualTo(Bytes.of("a"));
  }

  @Test
  @Graded(exercise = "1.6", points = 1,
      hint = "Each element of a txn's compare list must be a JSON object; anything else is Go's unmarshal type error.")
  void aCompareThatIsNotAnObjectIsATypeError() {
    assertThatThrownBy(() -> EtcdJsonCodec.decodeTxn(json("{\"compare\":[1]}")))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot unmarshal number");
  }

  @Test
  @Graded(exercise = "1.6", points = 1,
      hint = "A watch response carries watch_id (an int64, as a string) and, for a cancel, cancel_reason.")
  void aCanceledWatchResponseCarriesItsIdAndReason() {
    WatchResponse canceled =
        new WatchResponse(new ResponseHeader(1, 2, 7, 3), 5, false, true, 0, "watch canceled: fell behind", List.of());

    JsonNode out = EtcdJsonCodec.encodeWatchResponse(canceled);

    assertThat(out.path("watch_id").asText()).isEqualTo("5");
    assertThat(out.path("canceled").asBoolean()).isTrue();
    assertThat(out.path("cancel_reason").asText()).isEqualTo("watch canceled: fell behind");
    assertThat(out.has("compact_revision")).as("zero int64 fields are omitted").isFalse();
  }
}
