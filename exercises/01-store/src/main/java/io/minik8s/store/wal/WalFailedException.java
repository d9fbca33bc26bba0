package io.minik8s.store.wal;

/**
 * A mutation could not be made durable (a write or fsync failed, or the log was closed first). The
 * caller must not acknowledge it. After a failed fsync the log accepts no more appends: the kernel
 * may have dropped the dirty pages it could not write, so retrying could "succeed" on lost data
 * (PostgreSQL's "fsyncgate", 2018); etcd exits in the same case (wal.go: "failed to fsync").
 */
public final class WalFailedException extends RuntimeException {

  public WalFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
