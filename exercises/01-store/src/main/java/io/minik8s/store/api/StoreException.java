package io.minik8s.store.api;

/**
 * A request the store refused. {@link #error()} is one of etcd's errors when the store knows it,
 * or null for an error only the transport knows (e.g. an HTTP failure), with {@link #grpcCode()}
 * and the message as received.
 */
public final class StoreException extends RuntimeException {

  private final StoreError error;
  private final int grpcCode;

  public StoreException(StoreError error) {
    super(error.message());
    this.error = error;
    this.grpcCode = error.grpcCode();
  }

  public StoreException(int grpcCode, String message) {
    super(message);
    this.error = StoreError.fromMessage(message);
    this.grpcCode = grpcCode;
  }

  public StoreError error() {
    return error;
  }

  public int grpcCode() {
    return grpcCode;
  }
}
