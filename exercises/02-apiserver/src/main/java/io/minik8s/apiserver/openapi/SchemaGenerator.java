package io.minik8s.apiserver.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.objects.api.IntOrString;
import io.minik8s.objects.meta.UnknownFields;
import io.minik8s.objects.quantity.Quantity;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the module-00 records into OpenAPI 3.0 schemas by reflection, collecting every schema a
 * record reaches into {@link #schemas()} under upstream's definition names ({@code
 * io.k8s.api.core.v1.Container}, {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}).
 *
 * <p>Mapping of a record component's Java type:
 *
 * <pre>
 * String                     {"type":"string"}
 * Integer / Long             {"type":"integer","format":"int32" / "int64"}
 * Boolean, Double            {"type":"boolean"}, {"type":"number","format":"double"}
 * List&lt;X&gt;                    {"type":"array","items":schema(X)}
 * Map&lt;String, X&gt;             {"type":"object","additionalProperties":schema(X)}
 * a record R                 {"allOf":[{"$ref":"#/components/schemas/&lt;name of R&gt;"}]}, R added
 * IntOrString, Quantity      $ref to upstream's string-typed definitions
 * JsonNode (free-form)       {"type":"object","x-kubernetes-preserve-unknown-fields":true}
 * </pre>
 *
 * <p>The {@code @UnknownFields} component is not a property: it holds what the record does not
 * model. No schema says "unknown fields allowed": kubectl does not validate client-side against
 * these schemas (see {@link OpenApi}), so they serve {@code kubectl explain} and describe the
 * fields we model, as upstream's describe every field it keeps.
 *
 * <p>Upstream generates the same shapes from Go structs with k8s.io/kube-openapi
 * ({@code openapi-gen}); properties refer to other definitions through a one-element {@code
 * allOf} so that the property may carry its own description beside the reference.
 */
final class SchemaGenerator {

  static final String REF_PREFIX = "#/components/schemas/";
  static final String META_V1 = "io.k8s.apimachinery.pkg.apis.meta.v1.";

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * Lists merged by key in a strategic merge patch, as upstream's struct tags declare them
   * ({@code patchStrategy:"merge" patchMergeKey:"name"}), keyed by {@code Record.component}. A
   * null key means merge as a set ({@code finalizers}).
   */
  private static final Map<String, String> MERGE_KEYS = mergeKeys();

  private static Map<String, String> mergeKeys() {
    Map<String, String> keys = new TreeMap<>();
    keys.put("PodSpec.containers", "name");
    keys.put("PodSpec.initContainers", "name");
    keys.put("Container.ports", "containerPort");
    keys.put("Container.env", "name");
    keys.put("ServiceSpec.ports", "port");
    keys.put("ObjectMeta.ownerReferences", "uid");
    keys.put("ObjectMeta.finalizers", null);
    keys.put("NodeStatus.addresses", "type");
    keys.put("ServiceAccount.secrets", "name");
    return keys;
  }

  /** Collected definitions by name, sorted as upstream prints them. */
  private final Map<String, ObjectNode> schemas = new TreeMap<>();

  Map<String, ObjectNode> schemas() {
    return schemas;
  }

  /**
   * The upstream definition name of a Java type: {@code io.minik8s.objects.api.core.Container}
   * is {@code io.k8s.api.core.v1.Container}; types of {@code io.minik8s.objects.meta} and {@code
   * .labels} are meta/v1's; a nested record is named after its enclosing record ({@code
   * ContainerState.Waiting} is {@code ContainerStateWaiting}), with upstream's two exceptions.
   * Every group of the course is at v1.
   */
  static String definitionName(Class<?> type) {
    if (type == IntOrString.class) {
      return "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    }
    if (type == Quantity.class) {
      return "io.k8s.apimachinery.pkg.api.resource.Quantity";
    }
    String simple = type.getEnclosingClass() == null
        ? type.getSimpleName()
        : type.getEnclosingClass().getSimpleName() + type.getSimpleName();
    simple = switch (simple) {
      case "DeploymentStrategyRollingUpdate" -> "RollingUpdateDeployment";
      case "LoadBalancerStatusIngress" -> "LoadBalancerIngress";
      default -> simple;
    };
    String pkg = type.getPackageName();
    if (pkg.equals("io.minik8s.objects.meta") || pkg.equals("io.minik8s.objects.labels")) {
      return META_V1 + simple;
    }
    String api = "io.minik8s.objects.api.";
    if (pkg.startsWith(api)) {
      String group = pkg.substring(api.length());
      return "io.k8s.api." + group.replace('.', '_') + ".v1." + simple;
    }
    return pkg + "." + simple;
  }

  /**
   * Adds the schema of {@code record} (and of every record it reaches) to {@link #schemas()};
   * returns its definition name. A record already added is not generated again, which also ends
   * recursion through self-referencing types.
   */
  String define(Class<?> record) {
    String name = definitionName(record);
    if (schemas.containsKey(name)) {
      return name;
    }
    if (record == IntOrString.class) {
      ObjectNode s = JSON.objectNode();
      s.put("description", "An integer or a string, e.g. a port number or a port name.");
      s.put("type", "string");
      s.put("format", "int-or-string");
      s.put("x-kubernetes-int-or-string", true);
      schemas.put(name, s);
      return name;
    }
    if (record == Quantity.class) {
      ObjectNode s = JSON.objectNode();
      s.put("description", "A fixed-point number with a suffix, e.g. 100m or 1Gi.");
      s.put("type", "string");
      schemas.put(name, s);
      return name;
    }
    schemas.put(name, JSON.objectNode()); // placeholder: stops recursion
    schemas.put(name, recordSchema(record));
    return name;
  }

  /**
   * The object schema of one record: {@code type: object}, a description, and one property per
   * record component (its JSON name, honouring {@code @JsonProperty}), skipping the {@code
   * @UnknownFields} component. A list component listed in {@link #MERGE_KEYS} carries {@code
   * x-kubernetes-patch-strategy: merge} and, when it has one, {@code
   * x-kubernetes-patch-merge-key}.
   */
  ObjectNode recordSchema(Class<?> record) {
    // BEGIN EXERCISE 2.7 — the OpenAPI schema of one record, one property per component
    throw new UnsupportedOperationException("TODO exercise 2.7: the OpenAPI schema of one record, one property per component");
    // END EXERCISE 2.7
  }

  /** The name a component has in JSON: its {@code @JsonProperty} value, else its own name. */
  static String jsonName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  /** A cheap description from a field name: {@code terminationGracePeriodSeconds} reads "Termination grace period seconds." */
  static String describe(String fieldName) {
    String words = fieldName.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
    return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
  }

  /** The schema of a value of this Java type (see the table in the class comment). */
  ObjectNode typeSchema(Type type) {
    // BEGIN EXERCISE 2.7 — map a Java type to an OpenAPI schema: scalars, lists, maps, records
    throw new UnsupportedOperationException("TODO exercise 2.7: map a Java type to an OpenAPI schema: scalars, lists, maps, records");
    // END EXERCISE 2.7
  }
}
