package io.minik8s.store.wal;

/** A data directory cannot be used as asked: it is locked, not empty, or cannot be recovered. */
public final class DataDirException extends RuntimeException {

  public DataDirException(String message) {
    super(message);
  }

  public DataDirException(String message, Throwable cause) {
    super(message, cause);
  }
}
