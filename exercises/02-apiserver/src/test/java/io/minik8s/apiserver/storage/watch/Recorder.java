package io.minik8s.apiserver.storage.watch;

import io.minik8s.apiserver.storage.WatchEvent;
import io.minik8s.apiserver.storage.WatchSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/** A sink that records events as "TYPE name@rv" lines, and whether the server ended the watch. */
public final class Recorder implements WatchSink {

  public final List<WatchEvent> events = new CopyOnWriteArrayList<>();
  public volatile boolean closedByServer;

  @Override
  public void onEvent(WatchEvent event) {
    events.add(event);
  }

  @Override
  public void onClose() {
    closedByServer = true;
  }

  /** {@code ADDED web}, {@code BOOKMARK @17}... */
  public List<String> lines() {
    return events.stream().map(Recorder::line).collect(Collectors.toList());
  }

  public static String line(WatchEvent event) {
    var meta = event.object().path("metadata");
    return event.type() == WatchEvent.Type.BOOKMARK
        ? "BOOKMARK @" + meta.path("resourceVersion").asText()
        : event.type() + " " + meta.path("name").asText();
  }
}
