package io.minik8s.objects.api.batch;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Condition;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.UnknownFields;
import java.util.List;
import java.util.Map;

/**
 * What the Job controller observed: pod counts, start and completion times, and the terminal
 * condition {@code Complete} or {@code Failed} (with reason {@code BackoffLimitExceeded} or
 * {@code DeadlineExceeded}).
 *
 * <p>Upstream: {@code batchv1.JobStatus}.
 */
public record JobStatus(
    List<Condition> conditions,
    String startTime,
    String completionTime,
    Integer active,
    Integer succeeded,
    Integer failed,
    Integer ready,
    @UnknownFields Map<String, JsonNode> unknownFields) {

  public JobStatus {
    conditions = Copies.list(conditions);
    unknownFields = Copies.unknown(unknownFields);
  }
}
