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

  @Override
  default void close() {}

  /** No durability: every append is immediately "durable". */
  MutationLog NONE = mutation -> () -> {};
}
