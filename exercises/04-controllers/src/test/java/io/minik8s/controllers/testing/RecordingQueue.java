package io.minik8s.controllers.testing;

import io.minik8s.client.workqueue.RateLimitingQueue;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link RateLimitingQueue} for controller unit tests: it records every key added (now, later,
 * or rate-limited) and hands out the ones added now, without threads or time.
 */
public final class RecordingQueue implements RateLimitingQueue<String> {

  private final List<String> added = new ArrayList<>();
  private final Map<String, Duration> addedAfter = new LinkedHashMap<>();
  private final Deque<String> waiting = new ArrayDeque<>();
  private final Map<String, Integer> requeues = new HashMap<>();
  private boolean shuttingDown;

  /** Every key added with {@link #add}, in order, repeats included. */
  public synchronized List<String> added() {
    return List.copyOf(added);
  }

  /** Keys added with {@link #addAfter}, with the last delay asked for each. */
  public synchronized Map<String, Duration> addedAfter() {
    return Map.copyOf(addedAfter);
  }

  /** Forgets what was recorded. */
  public synchronized void clear() {
    added.clear();
    addedAfter.clear();
    waiting.clear();
  }

  @Override
  public synchronized void add(String item) {
    added.add(item);
    if (!waiting.contains(item)) {
      waiting.add(item);
    }
  }

  @Override
  public synchronized int len() {
    return waiting.size();
  }

  /** The next key added now, or null if none (never blocks). */
  @Override
  public synchronized String get() {
    return waiting.poll();
  }

  @Override
  public void done(String item) {}

  @Override
  public synchronized void shutDown() {
    shuttingDown = true;
  }

  @Override
  public synchronized boolean isShuttingDown() {
    return shuttingDown;
  }

  @Override
  public synchronized void addAfter(String item, Duration delay) {
    addedAfter.put(item, delay);
  }

  @Override
  public synchronized void addRateLimited(String item) {
    requeues.merge(item, 1, Integer::sum);
    addedAfter.put(item, Duration.ZERO);
  }

  @Override
  public synchronized void forget(String item) {
    requeues.remove(item);
  }

  @Override
  public synchronized int numRequeues(String item) {
    return requeues.getOrDefault(item, 0);
  }
}
