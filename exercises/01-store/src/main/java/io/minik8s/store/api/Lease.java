package io.minik8s.store.api;

import java.util.List;

/** Responses of the lease operations; a lease's TTL is in seconds, as in etcd. */
public final class Lease {

  private Lease() {}

  /** @param ttl the TTL granted (etcd may raise a too-small one to its minimum) */
  public record GrantResponse(ResponseHeader header, long id, long ttl) {}

  public record RevokeResponse(ResponseHeader header) {}

  /** @param ttl the lease's TTL, restarted by this keep-alive */
  public record KeepAliveResponse(ResponseHeader header, long id, long ttl) {}

  /**
   * @param ttl seconds left, -1 if the lease does not exist (expired or revoked)
   * @param grantedTtl the TTL it was granted with
   * @param keys the keys attached, when asked for
   */
  public record TimeToLiveResponse(ResponseHeader header, long id, long ttl, long grantedTtl, List<Bytes> keys) {

    public TimeToLiveResponse {
      keys = List.copyOf(keys);
    }
  }
}
