package io.minik8s.apiserver.patch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a strategic merge patch and server-side apply need to know about an object's fields: which
 * lists merge item by item and by which key, which primitive lists are sets, which structs are
 * replaced as a whole. Everything not in the table is the default: objects merge member by
 * member, lists are replaced (atomic).
 *
 * <p>A schema is a tree: {@link #field(String)} describes one member and {@link Field#schema()}
 * is the schema of its value (for a list: of each item). Unknown members get {@link #NONE}.
 *
 * <p>Upstream keeps this knowledge in Go struct tags ({@code patchStrategy:"merge"
 * patchMergeKey:"name"} for strategic merge patch, {@code +listType=map +listMapKey=name} for
 * server-side apply) in k8s.io/api/core/v1/types.go, apps/v1/types.go, batch/v1/types.go and
 * apimachinery's meta/v1/types.go. The table below copies those tags for the course's kinds.
 */
public final class PatchSchema {

  /** How a list field combines with a patch. */
  public enum ListType {
    /** Replaced as a whole (no patch strategy): {@code command}, {@code tolerations}. */
    ATOMIC,
    /** Items are objects identified by {@link Field#keys()} and merged by key: containers. */
    MAP,
    /** Items are primitives, merged as a set union: finalizers. */
    SET
  }

  /**
   * One member of an object.
   *
   * @param listType for a list: how it merges
   * @param keys for a {@link ListType#MAP} list: the item's identity; the first is the strategic
   *     merge patch's {@code patchMergeKey}, all of them server-side apply's {@code listMapKey}s
   *     (container ports are keyed by containerPort alone in a patch, by containerPort and
   *     protocol in apply)
   * @param retainKeys {@code patchStrategy:"retainKeys"}: a {@code $retainKeys} directive in the
   *     patch clears the members it does not list
   * @param atomicStruct an object replaced as a whole, never merged ({@code +structType=atomic},
   *     e.g. a label selector)
   * @param schema the schema of the value, or of each list item
   */
  public record Field(ListType listType, List<String> keys, boolean retainKeys,
      boolean atomicStruct, PatchSchema schema) {

    public Field {
      keys = List.copyOf(keys);
    }

    /** The strategic merge patch's merge key, or "" for none. */
    public String mergeKey() {
      return keys.isEmpty() ? "" : keys.get(0);
    }
  }

  /** The default for unknown members: objects merge, lists are atomic. */
  public static final PatchSchema NONE = new PatchSchema();

  private static final Field DEFAULT_FIELD = new Field(ListType.ATOMIC, List.of(), false, false, NONE);

  private final Map<String, Field> fields = new HashMap<>();

  private PatchSchema() {}

  /** The description of member {@code name}; the default for one the table does not name. */
  public Field field(String name) {
    return fields.getOrDefault(name, DEFAULT_FIELD);
  }

  /** The schema of member {@code name}'s value (or list items). */
  public PatchSchema child(String name) {
    return field(name).schema();
  }

  // ---- the table, built once ----

  private PatchSchema with(String name, PatchSchema schema) {
    fields.put(name, new Field(ListType.ATOMIC, List.of(), false, false, schema));
    return this;
  }

  private PatchSchema mapList(String name, PatchSchema items, String... keys) {
    fields.put(name, new Field(ListType.MAP, List.of(keys), false, false, items));
    return this;
  }

  private PatchSchema setList(String name) {
    fields.put(name, new Field(ListType.SET, List.of(), false, false, NONE));
    return this;
  }

  private PatchSchema retainKeys(String name, PatchSchema schema) {
    Field field = fields.getOrDefault(name, DEFAULT_FIELD);
    fields.put(name, new Field(field.listType(), field.keys(), true, false,
        schema == null ? field.schema() : schema));
    return this;
  }

  private PatchSchema atomicStruct(String name) {
    fields.put(name, new Field(ListType.ATOMIC, List.of(), false, true, NONE));
    return this;
  }

  private static PatchSchema schema() {
    return new PatchSchema();
  }

  // meta/v1 ObjectMeta: finalizers patchStrategy=merge (+listType=set), ownerReferences
  // patchMergeKey=uid; labels and annotations are plain maps.
  private static final PatchSchema OBJECT_META = schema()
      .setList("finalizers")
      .mapList("ownerReferences", NONE, "uid");

  private static final PatchSchema CONTAINER = schema()
      .mapList("ports", NONE, "containerPort", "protocol")
      .mapList("env", NONE, "name")
      .mapList("volumeMounts", NONE, "mountPath")
      .mapList("volumeDevices", NONE, "devicePath");

  private static final PatchSchema POD_SPEC = schema()
      .mapList("containers", CONTAINER, "name")
      .mapList("initContainers", CONTAINER, "name")
      .mapList("ephemeralContainers", CONTAINER, "name")
      .mapList("volumes", NONE, "name").retainKeys("volumes", null)
      .mapList("imagePullSecrets", NONE, "name")
      .mapList("hostAliases", NONE, "ip")
      .mapList("topologySpreadConstraints", NONE, "topologyKey", "whenUnsatisfiable")
      .mapList("schedulingGates", NONE, "name");

  private static final PatchSchema CONDITIONS = schema().mapList("conditions", NONE, "type");

  private static final PatchSchema POD_STATUS = schema()
      .mapList("conditions", NONE, "type")
      .mapList("podIPs", NONE, "ip")
      .mapList("hostIPs", NONE, "ip");

  private static final PatchSchema POD_TEMPLATE = schema()
      .with("metadata", OBJECT_META)
      .with("spec", POD_SPEC);

  /** Deployment, ReplicaSet and Job specs: a pod template and an atomic label selector. */
  private static final PatchSchema WORKLOAD_SPEC = schema()
      .with("template", POD_TEMPLATE)
      .atomicStruct("selector")
      .retainKeys("strategy", NONE);

  private static final Map<String, PatchSchema> KINDS = new HashMap<>();

  private static void kind(String apiVersion, String kind, PatchSchema spec, PatchSchema status) {
    KINDS.put(apiVersion + "/" + kind, schema()
        .with("metadata", OBJECT_META).with("spec", spec).with("status", status));
  }

  static {
    kind("v1", "Pod", POD_SPEC, POD_STATUS);
    kind("apps/v1", "Deployment", WORKLOAD_SPEC, CONDITIONS);
    kind("apps/v1", "ReplicaSet", WORKLOAD_SPEC, CONDITIONS);
    kind("batch/v1", "Job", WORKLOAD_SPEC, CONDITIONS);
    kind("v1", "Service", schema().mapList("ports", NONE, "port", "protocol"), CONDITIONS);
    kind("v1", "Node", schema().setList("podCIDRs"),
        schema().mapList("conditions", NONE, "type").mapList("addresses", NONE, "type"));
    kind("v1", "Namespace", NONE, CONDITIONS);
    KINDS.put("v1/ServiceAccount", schema().with("metadata", OBJECT_META)
        .mapList("secrets", NONE, "name"));
  }

  /**
   * The schema of objects of {@code apiVersion} and {@code kind}; a kind the table does not
   * list still gets {@code metadata}'s rules (finalizers, ownerReferences).
   */
  public static PatchSchema forKind(String apiVersion, String kind) {
    PatchSchema known = KINDS.get(apiVersion + "/" + kind);
    return known != null ? known : schema().with("metadata", OBJECT_META);
  }
}
