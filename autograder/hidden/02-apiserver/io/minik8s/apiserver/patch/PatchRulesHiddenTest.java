package io.minik8s.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.Scheme;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PatchRulesHiddenTest {

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode j(String text) {
    try {
      return MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "move to the end with - | {'a':[1,2,3]} | [{'op':'move','from':'/a/0','path':'/a/-'}] "
          + "| {'a':[2,3,1]}",
      "copy into an array index | {'a':[1],'b':5} | [{'op':'copy','from':'/b','path':'/a/0'}] "
          + "| {'a':[5,1],'b':5}",
      "replace the whole document | {'a':1} | [{'op':'replace','path':'','value':{'b':2}}] "
          + "| {'b':2}",
      "test ignores member order | {'m':{'x':1,'y':2}} "
          + "| [{'op':'test','path':'/m','value':{'y':2,'x':1}},{'op':'remove','path':'/m/x'}] "
          + "| {'m':{'y':2}}",
      "~0 decodes to ~ | {'a~b':1} | [{'op':'replace','path':'/a~0b','value':2}] | {'a~b':2}",
      "move onto itself is a no-op | {'a':{'b':1}} | [{'op':'move','from':'/a','path':'/a'}] "
          + "| {'a':{'b':1}}",
      "add at the root replaces the document | {'a':1} "
          + "| [{'op':'add','path':'','value':{'b':2}}] | {'b':2}",
  })
  @Graded(exercise = "2.2", points = 1,
      hint = "JSON patch: \"-\" appends, \"\" is the whole document, ~0 and ~1 are escapes, test "
          + "compares JSON values structurally, move is remove-then-add")
  void jsonPatchCorners(String name, String doc, String patch, String expected) {
    assertThat((Object) JsonPatch.parse(j(patch)).apply(j(doc))).as("%s: %s on %s", name, patch,
        doc).isEqualTo(j(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "Deployment: containers in the pod template merge by name | apps/v1 | Deployment "
          + "| {'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b'}]}}}} "
          + "| {'spec':{'template':{'spec':{'containers':[{'name':'b','image':'2'}]}}}} "
          + "| {'spec':{'template':{'spec':{'containers':[{'name':'a','image':'1'},{'name':'b','image':'2'}]}}}}",
      "Deployment: $retainKeys switches strategy to Recreate | apps/v1 | Deployment "
          + "| {'spec':{'strategy':{'type':'RollingUpdate','rollingUpdate':{'maxSurge':1}}}} "
          + "| {'spec':{'strategy':{'$retainKeys':['type'],'type':'Recreate'}}} "
          + "| {'spec':{'strategy':{'type':'Recreate'}}}",
      "Service: ports merge by port | v1 | Service "
          + "| {'spec':{'ports':[{'port':80,'targetPort':8080},{'port':443}]}} "
          + "| {'spec':{'ports':[{'port':80,'targetPort':9090}]}} "
          + "| {'spec':{'ports':[{'port':80,'targetPort':9090},{'port':443}]}}",
      "Pod: status conditions merge by type | v1 | Pod "
          + "| {'status':{'conditions':[{'type':'Ready','status':'False'},{'type':'Scheduled','status':'True'}]}} "
          + "| {'status':{'conditions':[{'type':'Ready','status':'True'}]}} "
          + "| {'status':{'conditions':[{'type':'Ready','status':'True'},{'type':'Scheduled','status':'True'}]}}",
      "ConfigMap: metadata ownerReferences merge by uid | v1 | ConfigMap "
          + "| {'metadata':{'ownerReferences':[{'uid':'1','name':'a'},{'uid':'2','name':'b'}]},'data':{'k':'v'}} "
          + "| {'metadata':{'ownerReferences':[{'uid':'2','name':'c'}]},'data':{'k2':'v2'}} "
          + "| {'metadata':{'ownerReferences':[{'uid':'1','name':'a'},{'uid':'2','name':'c'}]},'data':{'k':'v','k2':'v2'}}",
      "Pod: tolerations have no merge key and are replaced | v1 | Pod "
          + "| {'spec':{'tolerations':[{'key':'a'}]}} | {'spec':{'tolerations':[{'key':'b'}]}} "
          + "| {'spec':{'tolerations':[{'key':'b'}]}}",
      "Pod: a new container with nothing to follow goes first | v1 | Pod "
          + "| {'spec':{'containers':[{'name':'a'}]}} | {'spec':{'containers':[{'name':'z'}]}} "
          + "| {'spec':{'containers':[{'name':'z'},{'name':'a'}]}}",
  })
  @Graded(exercise = "2.2", points = 1,
      hint = "each kind has its own merge keys (Service ports by port, conditions by type, "
          + "ownerReferences by uid), lists without one are replaced, and patch items come in "
          + "the patch's order ahead of live items they do not follow")
  void strategicMergeAcrossKinds(String name, String apiVersion, String kind, String original,
      String patch, String expected) {
    JsonNode result = StrategicMergePatch.apply(PatchSchema.forKind(apiVersion, kind),
        (ObjectNode) j(original), (ObjectNode) j(patch));

    assertThat((Object) result).as("%s:%n original %s%n patch %s", name, original, patch)
        .isEqualTo(j(expected));
  }

  @Test
  @Graded(exercise = "2.2", points = 1,
      hint = "a JSON patch of more than 10 000 operations is refused with 413 before it runs; "
          + "a strategic merge patch on a Deployment uses the Deployment's merge keys")
  void patcherLimitsAndKinds() {
    Unstructured deployment = Unstructured.of((ObjectNode) j("{'apiVersion':'apps/v1',"
        + "'kind':'Deployment','metadata':{'name':'d'},'spec':{'template':{'spec':{'containers':"
        + "[{'name':'a','image':'1'},{'name':'b','image':'1'}]}}}}"));
    Patcher patcher = new Patcher();
    Unstructured patched = patcher.apply(Patcher.STRATEGIC_MERGE_PATCH,
        Scheme.builtIn().resolve("deployments"), deployment,
        "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\",\"image\":\"2\"}]}}}}"
            .getBytes(StandardCharsets.UTF_8));
    assertThat((Object) patched.at("spec.template.spec.containers"))
        .isEqualTo(j("[{'name':'a','image':'2'},{'name':'b','image':'1'}]"));

    StringBuilder ops = new StringBuilder("[");
    for (int i = 0; i <= JsonPatch.MAX_OPERATIONS; i++) {
      ops.append(i == 0 ? "" : ",").append("{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"Deployment\"}");
    }
    ops.append("]");
    assertThatThrownBy(() -> patcher.apply(Patcher.JSON_PATCH,
        Scheme.builtIn().resolve("deployments"), deployment,
        ops.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(413));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "a patch list into an empty live list | {'spec':{'containers':[]}} "
          + "| {'spec':{'containers':[{'name':'a','image':'1'}]}} "
          + "| {'spec':{'containers':[{'name':'a','image':'1'}]}}",
      "an empty patch list on an empty live list | {'spec':{'containers':[]}} "
          + "| {'spec':{'containers':[]}} | {'spec':{'containers':[]}}",
      "finalizers into an empty live list | {'metadata':{'finalizers':[]}} "
          + "| {'metadata':{'finalizers':['x']}} | {'metadata':{'finalizers':['x']}}",
  })
  @Graded(exercise = "2.2", points = 1,
      hint = "strategic merge of lists: an empty live list still takes the patch's items, and "
          + "two empty lists stay an empty list")
  void strategicMergeIntoEmptyLists(String name, String original, String patch,
      String expected) {
    JsonNode result = StrategicMergePatch.apply(PatchSchema.forKind("v1", "Pod"),
        (ObjectNode) j(original), (ObjectNode) j(patch));

    assertThat((Object) result).as("%s:%n original %s%n patch %s", name, original, patch)
        .isEqualTo(j(expected));
  }

  @Test
  @Graded(exercise = "2.2", points = 1,
      hint = "merge and strategic merge patches must be JSON objects (400 otherwise); the JSON "
          + "patch limit is 10 000 operations, and exactly 10 000 is still allowed")
  void patcherBodyShapesAndTheExactLimit() {
    Unstructured pod = Unstructured.of((ObjectNode) j(
        "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'p'},'spec':{'containers':[]}}"));
    Patcher patcher = new Patcher();
    for (String type : java.util.List.of(Patcher.MERGE_PATCH, Patcher.STRATEGIC_MERGE_PATCH)) {
      assertThatThrownBy(() -> patcher.apply(type, Scheme.builtIn().resolve("pods"), pod,
          "[{\"spec\":{}}]".getBytes(StandardCharsets.UTF_8)))
          .as("%s with a JSON array as body", type)
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(400))
          .hasMessageContaining("JSON object");
    }

    StringBuilder ops = new StringBuilder("[");
    for (int i = 0; i < JsonPatch.MAX_OPERATIONS; i++) {
      ops.append(i == 0 ? "" : ",").append("{\"op\":\"test\",\"path\":\"/kind\",\"value\":\"Pod\"}");
    }
    ops.append("]");
    Unstructured patched = patcher.apply(Patcher.JSON_PATCH, Scheme.builtIn().resolve("pods"),
        pod, ops.toString().getBytes(StandardCharsets.UTF_8));
    assertThat(patched.name()).as("a JSON patch of exactly %d test operations applies",
        JsonPatch.MAX_OPERATIONS).isEqualTo("p");
  }
}
