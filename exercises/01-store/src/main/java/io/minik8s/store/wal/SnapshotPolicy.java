package io.minik8s.store.wal;

/**
 * When to take a snapshot: every {@code every} mutations. Snapshots bound recovery time (replay
 * starts at the newest one) and the disk the WAL uses (segments they cover are deleted). etcd's
 * equivalent is {@code --snapshot-count} (100 000 entries in 3.4); ours is smaller because our
 * snapshot also carries the uncompacted history.
 */
public final class SnapshotPolicy {

  static final long DEFAULT_EVERY = 10_000;

  public static final SnapshotPolicy DEFAULT = new SnapshotPolicy(DEFAULT_EVERY);

  private final long every;

  /** Package-private: tests shrink {@code every} to take snapshots after a handful of writes. */
  SnapshotPolicy(long every) {
    if (every < 1) {
      throw new IllegalArgumentException("snapshot interval must be at least 1 mutation, got " + every);
    }
    this.every = every;
  }

  /** Whether a snapshot is due, given the WAL sequence of the last snapshot and the current one. */
  public boolean due(long lastSnapshotSequence, long lastSequence) {
    return lastSequence - lastSnapshotSequence >= every;
  }
}
