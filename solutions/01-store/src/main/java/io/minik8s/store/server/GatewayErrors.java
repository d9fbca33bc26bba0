package io.minik8s.store.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.store.api.StoreException;

/**
 * How a refused request travels over the gateway: the HTTP status grpc-gateway derives from the
 * gRPC code, and a body carrying the message twice and the code, exactly as etcd 3.4 sends it:
 *
 * <pre>HTTP/1.1 400 Bad Request
 * {"error":"etcdserver: mvcc: required revision has been compacted","message":"etcdserver: mvcc: required revision has been compacted","code":11}</pre>
 *
 * A client maps it back with {@link io.minik8s.store.api.StoreError#fromMessage}. Upstream:
 * grpc-gateway v1 runtime/errors.go ({@code HTTPStatusFromCode}, {@code DefaultHTTPError}).
 */
public final class GatewayErrors {

  /** gRPC's code for a failure the server did not expect (a bug, not the client's fault). */
  public static final int UNKNOWN = 2;

  private GatewayErrors() {}

  /**
   * The HTTP status for a gRPC status code, as grpc-gateway v1 maps it: e.g. 3 INVALID_ARGUMENT
   * and 11 OUT_OF_RANGE to 400, 5 NOT_FOUND to 404, 9 FAILED_PRECONDITION to 412.
   */
  public static int httpStatus(int grpcCode) {
    // BEGIN EXERCISE 1.6 — map a gRPC status code to grpc-gateway's HTTP status
    return switch (grpcCode) {
      case 0 -> 200; // OK
      case 1 -> 408; // CANCELLED
      case 3, 11 -> 400; // INVALID_ARGUMENT, OUT_OF_RANGE
      case 4 -> 504; // DEADLINE_EXCEEDED
      case 5 -> 404; // NOT_FOUND
      case 6, 10 -> 409; // ALREADY_EXISTS, ABORTED
      case 7 -> 403; // PERMISSION_DENIED
      case 8 -> 429; // RESOURCE_EXHAUSTED
      case 9 -> 412; // FAILED_PRECONDITION
      case 12 -> 501; // UNIMPLEMENTED
      case 14 -> 503; // UNAVAILABLE
      case 16 -> 401; // UNAUTHENTICATED
      default -> 500; // UNKNOWN, INTERNAL, DATA_LOSS and anything else
    };
    // END EXERCISE 1.6
  }

  /** The error body: {@code {"error":message,"message":message,"code":grpcCode}}. */
  public static ObjectNode body(StoreException e) {
    // BEGIN EXERCISE 1.6 — the gateway's error body for a refused request
    ObjectNode json = JsonFields.object();
    json.put("error", e.getMessage());
    json.put("message", e.getMessage());
    json.put("code", e.grpcCode());
    return json;
    // END EXERCISE 1.6
  }
}
