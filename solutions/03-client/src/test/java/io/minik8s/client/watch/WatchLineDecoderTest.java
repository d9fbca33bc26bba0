package io.minik8s.client.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One line of a watch response in, one typed event out. */
class WatchLineDecoderTest {

  final WatchLineDecoder<Pod> decoder = new WatchLineDecoder<>(Pod.class);

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ADDED", "MODIFIED", "DELETED", "BOOKMARK"})
  @Graded(exercise = "3.1", points = 1)
  void anObjectEventCarriesTheTypedObject(EventType type) {
    WatchEvent<Pod> event = decoder.decode("{\"type\":\"" + type + "\",\"object\":{\"kind\":\"Pod\","
        + "\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"web\",\"resourceVersion\":\"17\"}}}");
    assertThat(event.type()).as("type of a %s line", type).isEqualTo(type);
    assertThat(event.object()).as("object of a %s line", type).isNotNull();
    assertThat(event.object().metadata().resourceVersion()).isEqualTo("17");
    assertThat(event.status()).as("only ERROR events carry a status").isNull();
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void anErrorEventCarriesTheStatus() {
    WatchEvent<Pod> event = decoder.decode("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\","
        + "\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"too old "
        + "resource version: 5 (9)\",\"reason\":\"Expired\",\"code\":410}}");
    assertThat(event.type()).isEqualTo(EventType.ERROR);
    assertThat(event.object()).as("an ERROR event's object is a Status, not a Pod").isNull();
    assertThat(event.status().code()).isEqualTo(410);
    assertThat(event.status().reason()).isEqualTo("Expired");
  }

}
