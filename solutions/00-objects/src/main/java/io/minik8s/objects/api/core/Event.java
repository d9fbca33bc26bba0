package io.minik8s.objects.api.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.minik8s.objects.meta.Copies;
import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.objects.meta.UnknownFields;
import java.util.Map;

/**
 * A report that something happened to an object: {@code involvedObject}, a CamelCase {@code
 * reason} ("Scheduled", "Pulled", "FailedScheduling"), a human {@code message}, {@code type}
 * {@code Normal} or {@code Warning}, and a {@code count} of repeats between {@code firstTimestamp}
 * and {@code lastTimestamp}. {@code eventTime} is a MicroTime.
 *
 * <p>Upstream: {@code v1.Event} (core group; events.k8s.io/v1 is the newer form).
 */
public record Event(
    String apiVersion,
    String kind,
    ObjectMeta metadata,
    ObjectReference involvedObject,
    String reason,
    String message,
    EventSource source,
    String firstTimestamp,
    String lastTimestamp,
    Integer count,
    String type,
    String eventTime,
    String action,
    String reportingComponent,
    String reportingInstance,
    @UnknownFields Map<String, JsonNode> unknownFields)
    implements KubeObject {

  public static final String API_VERSION = "v1";
  public static final String KIND = "Event";

  public Event {
    apiVersion = apiVersion == null ? API_VERSION : apiVersion;
    kind = kind == null ? KIND : kind;
    unknownFields = Copies.unknown(unknownFields);
  }

  public Event(ObjectMeta metadata, ObjectReference involvedObject, String reason, String message,
      String type) {
    this(API_VERSION, KIND, metadata, involvedObject, reason, message, null, null, null, null, type,
        null, null, null, null, Map.of());
  }

  @Override
  public Event withMetadata(ObjectMeta metadata) {
    return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source,
        firstTimestamp, lastTimestamp, count, type, eventTime, action, reportingComponent,
        reportingInstance, unknownFields);
  }

  public Event withLastTimestamp(String lastTimestamp) {
    return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source,
        firstTimestamp, lastTimestamp, count, type, eventTime, action, reportingComponent,
        reportingInstance, unknownFields);
  }

  public Event withCount(Integer count) {
    return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source,
        firstTimestamp, lastTimestamp, count, type, eventTime, action, reportingComponent,
        reportingInstance, unknownFields);
  }
}
