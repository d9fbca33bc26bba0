package io.minik8s.store.wal;

import io.minik8s.store.mvcc.Mutation;
import io.minik8s.store.mvcc.MutationLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's write-ahead log: every mutation is appended here, and a writer is acknowledged only
 * once its record is on disk. Obtain one from {@link DataDir#open}.
 *
 * <p>{@link #append} only encodes the mutation and queues it (no I/O), so the store can call it
 * while holding its write lock; {@link Durable#await()} then blocks until the record is fsynced,
 * or throws {@link WalFailedException} if it never will be. Thread-safe.
 *
 * <p>Design: group commit. An fsync costs about as much for one record as for a hundred (it waits
 * for the device), so one flusher thread takes everything queued, writes it with one gathering
 * write, fsyncs once and wakes every writer it covered. While it waits on the disk, new appends
 * queue up and form the next batch. With N concurrent writers, that is about two fsyncs in flight
 * for N acknowledgements instead of N. etcd gets the same effect from its raft loop, which saves a
 * whole Ready batch of entries with one wal.Save and one fsync (wal/wal.go).
 */
public final class WriteAheadLog implements MutationLog {

  private final SegmentWriter segments; // used by the flusher thread only, then by close()
  private final Thread flusher;

  /**
   * Guards every field below. Appenders hold it to queue a record; the flusher holds it only to
   * take the queue and to publish progress, never during I/O.
   */
  private final ReentrantLock lock = new ReentrantLock();
  /** Signalled when a record is queued or the log is closing. */
  private final Condition hasPending = lock.newCondition();
  /** Signalled when {@link #durable} advances or the log fails. */
  private final Condition durableAdvanced = lock.newCondition();

  /** Framed records not yet taken by the flusher, in sequence order; the last is {@link #lastAppended}. */
  private List<byte[]> pending = new ArrayList<>();
  /** Sequence number of the last record appended. */
  private long lastAppended;
  /** Every record up to this sequence number is fsynced. */
  private long durable;
  /** Why the log stopped; once set, never cleared. */
  private Throwable failure;
  private boolean closing;

  WriteAheadLog(SegmentWriter segments, long lastSequence) {
    this.segments = segments;
    this.lastAppended = lastSequence;
    this.durable = lastSequence;
    this.flusher = new Thread(this::runFlusher, "wal-flusher");
    flusher.setDaemon(true);
    flusher.start();
  }

  /**
   * Queues the mutation; the returned {@link Durable#await()} returns once it is fsynced.
   *
   * @throws WalFailedException if the log has failed or is closed
   */
  @Override
  public Durable append(Mutation mutation) {
    byte[] frame = RecordFormat.frame(MutationCodec.encode(mutation));
    long sequence;
    lock.lock();
    try {
      if (failure != null) {
        throw new WalFailedException("the write-ahead log has failed and accepts no more writes", failure);
      }
      if (closing) {
        throw new WalFailedException("the write-ahead log is closed", null);
      }
      pending.add(frame);
      sequence = ++lastAppended;
      hasPending.signal();
    } finally {
      lock.unlock();
    }
    return () -> awaitDurable(sequence);
  }

  /** Waits for every record appended so far, without appending one. */
  @Override
  public Durable appended() {
    long sequence = lastSequence();
    return () -> awaitDurable(sequence);
  }

  /** The sequence number of the last record appended (durable or not); 0 for an empty log. */
  public long lastSequence() {
    lock.lock();
    try {
      return lastAppended;
    } finally {
      lock.unlock();
    }
  }

  /** Every record up to this sequence number is on disk. */
  long durableSequence() {
    lock.lock();
    try {
      return durable;
    } finally {
      lock.unlock();
    }
  }

  private void awaitDurable(long sequence) {
    lock.lock();
    try {
      while (durable < sequence && failure == null) {
        durableAdvanced.await();
      }
      if (durable < sequence) {
        throw new WalFailedException("mutation #" + sequence + " could not be made durable: " + failure.getMessage(), failure);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new WalFailedException("interrupted while waiting for mutation #" + sequence + " to become durable", e);
    } finally {
      lock.unlock();
    }
  }

  private void runFlusher() {
    try {
      flushLoop();
    } catch (RuntimeException | Error e) {
      fail(e); // a bug in the loop must fail the waiters, not leave them hanging
      throw e;
    }
  }

  /**
   * The flusher thread: until the log closes, take every pending record, write them, fsync once,
   * then publish the new durable sequence number and wake the writers waiting for it. On an I/O
   * error, {@link #fail} the log and stop.
   */
  private void flushLoop() {
    // BEGIN EXERCISE 1.5 — group commit: write every pending record, fsync once, wake their writers
    throw new UnsupportedOperationException("TODO exercise 1.5: group commit: write every pending record, fsync once, wake their writers");
    // END EXERCISE 1.5
  }

  /** Stops the log: every writer not yet durable, and every later append, gets a WalFailedException. */
  private void fail(Throwable cause) {
    lock.lock();
    try {
      if (failure == null) {
        failure = cause;
      }
      durableAdvanced.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Flushes every record appended so far, then closes the segment file. */
  @Override
  public void close() {
    lock.lock();
    try {
      closing = true;
      hasPending.signal();
    } finally {
      lock.unlock();
    }
    try {
      flusher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      segments.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the write-ahead log", e);
    }
  }
}
