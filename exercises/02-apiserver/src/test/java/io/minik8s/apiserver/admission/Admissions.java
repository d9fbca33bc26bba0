package io.minik8s.apiserver.admission;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.minik8s.apiserver.auth.UserInfo;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.objects.scheme.GroupVersionResource;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.util.List;

/** Builds admission requests from YAML for tests (ungraded helper). */
public final class Admissions {

  private static final YAMLMapper YAML = new YAMLMapper();
  public static final UserInfo ALICE = new UserInfo("alice", "", List.of("system:authenticated"));

  private Admissions() {}

  public static ResourceType type(String group, String plural) {
    return Scheme.builtIn().forResource(new GroupVersionResource(group, "v1", plural))
        .orElseThrow();
  }

  public static Unstructured object(String yaml) {
    try {
      return Unstructured.of((ObjectNode) YAML.readTree(yaml));
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static AdmissionRequest create(ResourceType type, Unstructured object) {
    return new AdmissionRequest(Operation.CREATE, type, "", object.namespace(), object.name(),
        object, null, ALICE, false);
  }

  public static AdmissionRequest update(ResourceType type, Unstructured object, Unstructured old) {
    return new AdmissionRequest(Operation.UPDATE, type, "", object.namespace(), object.name(),
        object, old, ALICE, false);
  }

  public static AdmissionRequest delete(ResourceType type, String namespace, String name) {
    return new AdmissionRequest(Operation.DELETE, type, "", namespace, name, null, null, ALICE,
        false);
  }
}
