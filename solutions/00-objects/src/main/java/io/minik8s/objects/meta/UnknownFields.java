package io.minik8s.objects.meta;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the record component that keeps the JSON fields the record does not model, so that
 * decoding and encoding an object gives back the same JSON tree.
 *
 * <p>Put it on a {@code Map<String, JsonNode> unknownFields} component, last in the record:
 *
 * <pre>{@code
 * public record Container(String name, String image, @UnknownFields Map<String, JsonNode> unknownFields)
 * }</pre>
 *
 * <p>Decoding {@code {"name":"web","image":"nginx","securityContext":{"privileged":true}}} leaves
 * {@code securityContext} in {@code unknownFields}; encoding writes it back beside the modelled
 * fields.
 */
/*
 * Design: the annotation bundles Jackson's @JsonAnySetter and @JsonAnyGetter. On a record
 * component Java copies it to the constructor parameter (any-setter on a creator parameter,
 * supported since Jackson 2.18), to the accessor (any-getter) and to the field. Real Kubernetes
 * does NOT do this: Go structs drop unknown fields and the API server prunes them (or, with
 * strict field validation, rejects them). We keep them because the course models only part of
 * each kind, and a client that reads a Pod and writes it back must not lose the affinity rules
 * or security contexts we never typed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({
  ElementType.PARAMETER,
  ElementType.FIELD,
  ElementType.METHOD,
  ElementType.RECORD_COMPONENT,
  ElementType.ANNOTATION_TYPE
})
@JacksonAnnotationsInside
@JsonAnySetter
@JsonAnyGetter
public @interface UnknownFields {}
