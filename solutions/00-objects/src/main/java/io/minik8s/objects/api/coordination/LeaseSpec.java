package io.minik8s.objects.api.coordination;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Who holds the lease and until when: the holder renews {@code renewTime} more often than every
 * {@code leaseDurationSeconds}; another candidate may take over once {@code renewTime +
 * leaseDurationSeconds} has passed, incrementing {@code leaseTransitions}. Times are MicroTime
 * strings ({@code 2024-05-01T10:00:00.123456Z}, see {@code Timestamps.formatMicro}).
 *
 * <p>Upstream: {@code coordinationv1.LeaseSpec}.
 */
public record LeaseSpec(
    String holderIdentity,
    Integer leaseDurationSeconds,
    String acquireTime,
    String renewTime,
    Integer leaseTransitions,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public LeaseSpec {
    unknownFields = Copies.unknown(unknownFields);
  }

  public LeaseSpec(
      String holderIdentity,
      Integer leaseDurationSeconds,
      String acquireTime,
      String renewTime,
      Integer leaseTransitions) {
    this(holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions, Map.of());
  }

  public LeaseSpec withRenewTime(String renewTime) {
    return new LeaseSpec(holderIdentity, leaseDurationSeconds, acquireTime, renewTime,
        leaseTransitions, unknownFields);
  }
}
