package io.minik8s.apiserver.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.Scheme;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenApiTest {

  static final OpenApi OPENAPI = new OpenApi(Scheme.builtIn());
  static final String CORE = "io.k8s.api.core.v1.";

  static JsonNode schema(String document, String name) {
    JsonNode schemas = OPENAPI.document(document).orElseThrow().path("components").path("schemas");
    JsonNode schema = schemas.path(name);
    if (schema.isMissingNode()) {
      List<String> names = new ArrayList<>();
      schemas.fieldNames().forEachRemaining(names::add);
      throw new AssertionError("no schema " + name + " in " + document + "; it has " + names);
    }
    return schema;
  }

  @ParameterizedTest(name = "{0}.{1}")
  @CsvSource(delimiter = '|', value = {
      // schema                | property          | the property's schema, as JSON
      "Container               | name              | {\"type\":\"string\",\"description\":\"Name.\"}",
      "Container               | command           | {\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"Command.\"}",
      "ContainerPort           | containerPort     | {\"type\":\"integer\",\"format\":\"int32\",\"description\":\"Container port.\"}",
      "PodSpec                 | terminationGracePeriodSeconds | {\"type\":\"integer\",\"format\":\"int64\",\"description\":\"Termination grace period seconds.\"}",
      "PodSpec                 | nodeSelector      | {\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"},\"description\":\"Node selector.\"}",
      "Probe                   | httpGet           | {\"allOf\":[{\"$ref\":\"#/components/schemas/io.k8s.api.core.v1.HttpGetAction\"}],\"description\":\"Http get.\"}",
      "ServicePort             | targetPort        | {\"allOf\":[{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString\"}],\"description\":\"Target port.\"}",
      "Pod                     | metadata          | {\"allOf\":[{\"$ref\":\"#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta\"}],\"description\":\"Metadata.\"}",
  })
  @Graded(exercise = "2.7", points = 2)
  void recordComponentsBecomeTypedProperties(String record, String property, String expected)
      throws Exception {
    JsonNode schema = schema("api/v1", CORE + record);
    assertThat(schema.path("type").asText()).as("%s type", record).isEqualTo("object");
    assertThat(schema.path("properties").path(property))
        .as("schema of %s.%s", record, property)
        .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper().readTree(expected));
    assertThat(schema.path("properties").has("unknownFields"))
        .as("%s: the @UnknownFields component is not a property", record).isFalse();
  }

  @Test
  @Graded(exercise = "2.7", points = 1)
  void kindsCarryTheirGroupVersionKindAndListsTheirMergeKeys() {
    JsonNode pod = schema("api/v1", CORE + "Pod");
    assertThat(pod.path("x-kubernetes-group-version-kind").path(0).toString())
        .isEqualTo("{\"group\":\"\",\"kind\":\"Pod\",\"version\":\"v1\"}");
    JsonNode deployment = schema("apis/apps/v1", "io.k8s.api.apps.v1.Deployment");
    assertThat(deployment.path("x-kubernetes-group-version-kind").path(0).path("group").asText())
        .isEqualTo("apps");
    JsonNode containers = schema("api/v1", CORE + "PodSpec").path("properties").path("containers");
    assertThat(containers.path("x-kubernetes-patch-merge-key").asText()).isEqualTo("name");
    assertThat(containers.path("x-kubernetes-patch-strategy").asText()).isEqualTo("merge");
    assertThat(schema("apis/apps/v1", CORE + "PodTemplateSpec").path("type").asText())
        .as("apps/v1 must carry the core schemas its kinds reach").isEqualTo("object");
    assertThat(schema("api/v1", "io.k8s.apimachinery.pkg.apis.meta.v1.ListMeta")
        .path("properties").has("continue")).as("@JsonProperty(\"continue\") names the field")
        .isTrue();
  }

  @Test
  @Graded(exercise = "2.7", points = 1)
  void theIndexPointsAtEachDocumentAndPatchDeclaresFieldValidation() {
    ObjectNode index = OPENAPI.index();
    String url = index.path("paths").path("apis/apps/v1").path("serverRelativeURL").asText();
    assertThat(url).startsWith("/openapi/v3/apis/apps/v1?hash=");
    assertThat(OPENAPI.document(url)).as("document(%s)", url).isPresent();
    assertThat(OPENAPI.document("apis/nothing/v1")).isEmpty();
    JsonNode patch = OPENAPI.document("api/v1").orElseThrow().path("paths")
        .path("/api/v1/namespaces/{namespace}/pods/{name}").path("patch");
    assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText())
        .isEqualTo("Pod");
    assertThat(patch.path("parameters").findValuesAsText("name")).contains("fieldValidation");
    assertThat(OPENAPI.document("api/v1").orElseThrow().path("paths").has("/api/v1/nodes"))
        .as("cluster-scoped resources have no namespace in their paths").isTrue();
  }
}
