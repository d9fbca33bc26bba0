package io.minik8s.store.mvcc;

/**
 * Where the store records each mutation before acknowledging it. The store appends while it
 * holds its write lock, so the log's order is the store's order, then releases the lock and waits
 * on the returned {@link Durable} outside it, so that concurrent writers share one fsync (group
 * commit). An in-memory store uses {@link #NONE}.
 */
public interface MutationLog extends AutoCloseable {

  /** A pending append: {@link #await()} returns once the mutation is durable. */
  interface Durable {
    void await();
  }

  Durable append(Mutation mutation);

  /**
   * Everything appended so far: {@link Durable#await()} returns once it is all durable. An answer
   * that reports earlier writes without making one (a read, a write that changes nothing) waits
   * on this, so that no client learns a revision that a crash could take back. The default suits
   * a log whose appends are durable by the time {@link #append} returns; a log that makes them
   * durable later (group commit) must override it.
   */
  default Durable appended() {
    return () -> {};
  }

  @Override
  default void close() {}

  /** No durability: every append is immediately "durable". */
  MutationLog NONE = mutation -> () -> {};
}
