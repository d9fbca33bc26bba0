package io.minik8s.objects.api.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A lock with a time limit: node heartbeats ({@code kube-node-lease} namespace, one Lease per
 * node) and leader election both renew one. Leases have a spec and no status.
 *
 * <p>Upstream: {@code coordinationv1.Lease} in k8s.io/api/coordination/v1/types.go.
 */
public record Lease(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    LeaseSpec spec,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "coordination.k8s.io/v1";
  public static final String KIND = "Lease";

  public Lease {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Lease(ObjectMeta metadata, LeaseSpec spec) {
    this(API_VERSION, KIND, metadata, spec, Map.of());
  }

  @Override
  public Lease withMetadata(ObjectMeta metadata) {
    return new Lease(apiVersion, kind, metadata, spec, unknownFields);
  }

  public Lease withSpec(LeaseSpec spec) {
    return new Lease(apiVersion, kind, metadata, spec, unknownFields);
  }
}
