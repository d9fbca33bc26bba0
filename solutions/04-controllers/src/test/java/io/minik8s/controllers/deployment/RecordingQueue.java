package io.minik8s.controllers.deployment;

import io.minik8s.client.workqueue.RateLimitingQueue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A queue that only records what is added, for unit tests that call sync directly. */
final class RecordingQueue implements RateLimitingQueue<String> {

  final List<String> added = new ArrayList<>();
  final Map<String, Duration> addedAfter = new LinkedHashMap<>();

  @Override public void add(String item) {
    added.add(item);
  }

  @Override public int len() {
    return added.size();
  }

  @Override public String get() {
    return added.isEmpty() ? null : added.remove(0);
  }

  @Override public void done(String item) {}

  @Override public void shutDown() {}

  @Override public boolean isShuttingDown() {
    return false;
  }

  @Override public void addAfter(String item, Duration delay) {
    addedAfter.put(item, delay);
  }

  @Override public void addRateLimited(String item) {
    added.add(item);
  }

  @Override public void forget(String item) {}

  @Override public int numRequeues(String item) {
    return 0;
  }
}
