package io.minik8s.objects.api.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * Runs pods to completion: {@code spec.completions} successful pods, at most {@code
 * spec.parallelism} at a time, giving up after {@code spec.backoffLimit} failures or {@code
 * spec.activeDeadlineSeconds}.
 *
 * <p>Upstream: {@code batchv1.Job} in k8s.io/api/batch/v1/types.go.
 */
public record Job(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    JobSpec spec,
    JobStatus status,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "batch/v1";
  public static final String KIND = "Job";

  public Job {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Job(ObjectMeta metadata, JobSpec spec, JobStatus status) {
    this(API_VERSION, KIND, metadata, spec, status, Map.of());
  }

  @Override
  public Job withMetadata(ObjectMeta metadata) {
    return new Job(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Job withSpec(JobSpec spec) {
    return new Job(apiVersion, kind, metadata, spec, status, unknownFields);
  }

  public Job withStatus(JobStatus status) {
    return new Job(apiVersion, kind, metadata, spec, status, unknownFields);
  }
}
