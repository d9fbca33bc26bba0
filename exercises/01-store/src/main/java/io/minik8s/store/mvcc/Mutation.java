package io.minik8s.store.mvcc;

/**
 * A change to the store's state, in the form the write-ahead log records and replays. Replaying
 * the mutations of a log, in order, on the state of the snapshot they follow rebuilds the store
 * exactly: a mutation records the outcome (the events a transaction made), never the request, so
 * replay needs no compares, no clocks and no lease timers.
 */
public sealed interface Mutation {

  /** A write at one revision (put, delete, transaction, lease expiry or revoke deleting keys). */
  record Write(Commit commit) implements Mutation {}

  record LeaseGranted(long id, long ttlSeconds) implements Mutation {}

  /** The lease is gone; the deletion of its keys is a separate {@link Write}. */
  record LeaseRevoked(long id) implements Mutation {}

  record Compacted(long revision) implements Mutation {}
}
