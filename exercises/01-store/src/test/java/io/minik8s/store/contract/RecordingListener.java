package io.minik8s.store.contract;

import static org.awaitility.Awaitility.await;

import io.minik8s.store.api.WatchEvent;
import io.minik8s.store.api.WatchListener;
import io.minik8s.store.api.WatchResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records a watch's responses, for tests to wait on with Awaitility. */
public final class RecordingListener implements WatchListener {

  private final List<WatchResponse> responses = new CopyOnWriteArrayList<>();

  @Override
  public void onResponse(WatchResponse response) {
    responses.add(response);
  }

  public List<WatchResponse> responses() {
    return List.copyOf(responses);
  }

  public List<WatchEvent> events() {
    return responses.stream().flatMap(r -> r.events().stream()).toList();
  }

  /** Waits until at least {@code n} events arrived; returns all events seen. */
  public List<WatchEvent> awaitEvents(int n) {
    await("%d watch events (got %s)".formatted(n, events()))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> events().size() >= n);
    return events();
  }

  /** Waits for the canceled response. */
  public WatchResponse awaitCanceled() {
    await("a canceled watch response (got %s)".formatted(responses))
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> responses.stream().anyMatch(WatchResponse::canceled));
    return responses.stream().filter(WatchResponse::canceled).findFirst().orElseThrow();
  }
}
