package io.minik8s.store.api;

/**
 * Set {@code key} to {@code value}, optionally attached to a lease (0 for none).
 *
 * @param prevKv return the key's previous state in the response
 */
public record PutRequest(Bytes key, Bytes value, long lease, boolean prevKv) {

  public static PutRequest of(Bytes key, Bytes value) {
    return new PutRequest(key, value, 0, false);
  }

  public PutRequest withLease(long lease) {
    return new PutRequest(key, value, lease, prevKv);
  }

  public PutRequest withPrevKv() {
    return new PutRequest(key, value, lease, true);
  }
}
