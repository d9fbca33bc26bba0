package io.minik8s.objects.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * The pod a workload controller stamps out: metadata (chiefly labels, which must match the
 * controller's selector) and a pod spec.
 *
 * <p>Upstream: {@code v1.PodTemplateSpec}.
 */
public record PodTemplateSpec(
    ObjectMeta metadata, PodSpec spec, @UnknownFields Map<String, JsonNode> unknownFields) {

  public PodTemplateSpec {
    unknownFields = Copies.unknown(unknownFields);
  }

  public PodTemplateSpec(ObjectMeta metadata, PodSpec spec) {
    this(metadata, spec, Map.of());
  }

  /** The template's labels, empty when it has no metadata. */
  @JsonIgnore
  public Map<String, String> labels() {
    return metadata == null ? Map.of() : metadata.labels();
  }
}
