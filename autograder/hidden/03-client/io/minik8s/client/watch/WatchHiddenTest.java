package io.minik8s.client.watch;

import static io.minik8s.client.rest.RestTestServer.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.errors.GoneException;
import io.minik8s.client.errors.StubServer;
import io.minik8s.client.rest.ListOptions;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.client.rest.RestTestServer;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WatchHiddenTest {

  final WatchLineDecoder<Pod> decoder = new WatchLineDecoder<>(Pod.class);

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not JSON|{\"type\":",
      "unknown type|{\"type\":\"CHANGED\",\"object\":{}}",
      "no type|{\"object\":{\"metadata\":{}}}",
      "no object|{\"type\":\"ADDED\"}",
      "object is not an object|{\"type\":\"ADDED\",\"object\":\"web\"}",
      "object does not fit|{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"labels\":[1]}}}"})
  @Graded(exercise = "3.1", points = 1,
      hint = "Reject a watch line without a known type or an object with an "
          + "IllegalArgumentException that quotes the line.")
  void malformedWatchLines(String name, String line) {
    assertThatThrownBy(() -> decoder.decode(line))
        .as(name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(line);
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A watch request answered with a non-2xx Status throws the mapped exception (410 "
          + "-> GoneException) before any stream is returned.")
  void aRefusedWatchThrows() {
    try (StubServer stub = new StubServer()) {
      stub.answer(410, "application/json", """
          {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Expired",
           "message":"too old resource version: 1 (50)","code":410}""");
      RestKubeClient client = new RestKubeClient(ClientConfig.of(stub.url(), null));
      assertThatThrownBy(() -> client.resource(Pod.class).watch(null,
              ListOptions.ALL.withResourceVersion("1").withBookmarks(true)))
          .isInstanceOf(GoneException.class)
          .hasMessageContaining("too old resource version");
      assertThat(stub.requests.get(0).uri())
          .isEqualTo("/api/v1/pods?resourceVersion=1&allowWatchBookmarks=true&watch=true");
      assertThat(stub.requests.get(0).authorization()).as("no token: no Authorization header")
          .isNull();
    }
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "next() skips blank lines and returns null at the end of the body, and after that.")
  void blankLinesAndTheEndOfTheBody() {
    String body = "\n{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}\n\n"
        + "{\"type\":\"DELETED\",\"object\":{\"metadata\":{\"name\":\"a\"}}}";
    HttpWatchStream<Pod> stream = new HttpWatchStream<>(
        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)),
        new WatchLineDecoder<>(Pod.class));
    assertThat(stream.next().type()).isEqualTo(EventType.ADDED);
    assertThat(stream.next().type()).as("a last line without a newline still counts")
        .isEqualTo(EventType.DELETED);
    assertThat(stream.next()).isNull();
    assertThat(stream.next()).as("still null").isNull();
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A watch of a namespaced kind with a null namespace watches every namespace.")
  void aWatchOfAllNamespaces() {
    try (RestTestServer cluster = new RestTestServer()) {
      var pods = cluster.client.resource(Pod.class);
      String from = pods.list(null, ListOptions.ALL).metadata().resourceVersion();
      try (WatchStream<Pod> watch = pods.watch(null, ListOptions.ALL.withResourceVersion(from))) {
        pods.create(pod("in-default"));
        Pod other = pod("in-system");
        pods.create(other.withMetadata(other.metadata().withNamespace("kube-system")));
        WatchEvent<Pod> first = watch.next();
        WatchEvent<Pod> second = watch.next();
        assertThat(first.object().metadata().namespace()).isEqualTo("default");
        assertThat(second.object().metadata().namespace()).isEqualTo("kube-system");
      }
    }
  }
}
