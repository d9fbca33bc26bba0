package io.minik8s.store.api;

/**
 * The errors of etcd's API the store can return, with etcd's exact messages and gRPC status codes
 * (the JSON gateway sends both), so a client written against real etcd handles ours the same way.
 * Upstream: go.etcd.io/etcd/api/v3/v3rpc/rpctypes/error.go.
 */
public enum StoreError {
  COMPACTED(11, "etcdserver: mvcc: required revision has been compacted"),
  FUTURE_REVISION(11, "etcdserver: mvcc: required revision is a future revision"),
  KEY_NOT_FOUND(3, "etcdserver: key not found"),
  EMPTY_KEY(3, "etcdserver: key is not provided"),
  DUPLICATE_KEY(3, "etcdserver: duplicate key given in txn request"),
  TOO_MANY_OPERATIONS(3, "etcdserver: too many operations in txn request"),
  LEASE_NOT_FOUND(5, "etcdserver: requested lease not found"),
  LEASE_EXISTS(9, "etcdserver: lease already exists"),
  LEASE_TTL_TOO_LARGE(11, "etcdserver: too large lease TTL"),
  REQUEST_TOO_LARGE(3, "etcdserver: request is too large");

  /** The gRPC status code: 3 INVALID_ARGUMENT, 5 NOT_FOUND, 9 FAILED_PRECONDITION, 11 OUT_OF_RANGE. */
  private final int grpcCode;
  private final String message;

  StoreError(int grpcCode, String message) {
    this.grpcCode = grpcCode;
    this.message = message;
  }

  public int grpcCode() {
    return grpcCode;
  }

  public String message() {
    return message;
  }

  public StoreException exception() {
    return new StoreException(this);
  }

  /** The error with this exact message, or null: how clients map a gateway error back. */
  public static StoreError fromMessage(String message) {
    for (StoreError e : values()) {
      if (e.message.equals(message)) {
        return e;
      }
    }
    return null;
  }
}
