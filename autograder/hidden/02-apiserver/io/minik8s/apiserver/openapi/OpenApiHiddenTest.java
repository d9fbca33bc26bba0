package io.minik8s.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.ConfigMap;
import io.minik8s.objects.api.core.ContainerState;
import io.minik8s.objects.meta.ObjectMeta;
import org.junit.jupiter.api.Test;

class OpenApiHiddenTest {

  @Test
  @Graded(exercise = "2.7", points = 2,
      hint = "Generate a schema per record component: Boolean is boolean, Map<String,X> is an object with additionalProperties, List<record> is an array whose items refer (allOf/$ref) to the record's own schema, and nested records are added to the collected schemas too.")
  void schemasOfMapsBooleansListsOfRecordsAndNestedRecords() {
    SchemaGenerator generator = new SchemaGenerator();
    String name = generator.define(ConfigMap.class);
    assertThat(name).isEqualTo("io.k8s.api.core.v1.ConfigMap");
    JsonNode properties = generator.schemas().get(name).path("properties");
    assertThat(properties.path("immutable").path("type").asText()).isEqualTo("boolean");
    assertThat(properties.path("data").path("type").asText()).isEqualTo("object");
    assertThat(properties.path("data").path("additionalProperties").path("type").asText())
        .isEqualTo("string");
    assertThat(properties.path("metadata").path("allOf").path(0).path("$ref").asText())
        .isEqualTo("#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");

    JsonNode meta = generator.schemas().get("io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta");
    assertThat(meta).as("ObjectMeta reached through ConfigMap.metadata").isNotNull();
    JsonNode owners = meta.path("properties").path("ownerReferences");
    assertThat(owners.path("type").asText()).isEqualTo("array");
    assertThat(owners.path("items").path("allOf").path(0).path("$ref").asText())
        .endsWith("io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference");
    assertThat(owners.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("uid");
    assertThat(generator.schemas()).containsKey("io.k8s.apimachinery.pkg.apis.meta.v1.OwnerReference");

    SchemaGenerator states = new SchemaGenerator();
    ObjectNode state = states.recordSchema(ContainerState.class);
    assertThat(state.path("properties").path("terminated").path("allOf").path(0).path("$ref")
        .asText()).endsWith("io.k8s.api.core.v1.ContainerStateTerminated");
    assertThat(states.schemas().get("io.k8s.api.core.v1.ContainerStateTerminated")
        .path("properties").path("exitCode").path("format").asText()).isEqualTo("int32");
    assertThat(new SchemaGenerator().recordSchema(ObjectMeta.class).path("properties")
        .path("generation").path("format").asText()).isEqualTo("int64");
  }
}
