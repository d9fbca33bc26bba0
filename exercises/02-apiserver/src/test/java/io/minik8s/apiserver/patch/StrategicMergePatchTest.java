package io.minik8s.apiserver.patch;

import static io.minik8s.apiserver.patch.JsonPatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Strategic merge patch on Pods. Several cases are upstream's own
 * (k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go, customStrategicMergePatchTestCaseData
 * and customStrategicMergePatchRawTestCases), with its test struct's {@code mergingList} played
 * by {@code spec.containers} (merge key name), {@code mergingIntList} by
 * {@code metadata.finalizers} and {@code simpleMap} by {@code metadata.labels}.
 */
class StrategicMergePatchTest {

  static final PatchSchema POD = PatchSchema.forKind("v1", "Pod");

  static JsonNode patch(String original, String patch) {
    return StrategicMergePatch.apply(POD, (ObjectNode) json(original), (ObjectNode) json(patch));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "containers merge by name; the others stay "
          + "| {'spec':{'containers':[{'name':'web','image':'web:1'},{'name':'log','image':'log:1'}]}} "
          + "| {'spec':{'containers':[{'name':'web','image':'web:2'}]}} "
          + "| {'spec':{'containers':[{'name':'web','image':'web:2'},{'name':'log','image':'log:1'}]}}",
      "a nested list merges too: env by name "
          + "| {'spec':{'containers':[{'name':'web','env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}]}} "
          + "| {'spec':{'containers':[{'name':'web','env':[{'name':'B','value':'3'}]}]}} "
          + "| {'spec':{'containers':[{'name':'web','env':[{'name':'A','value':'1'},{'name':'B','value':'3'}]}]}}",
      "a list without merge key is replaced (args) "
          + "| {'spec':{'containers':[{'name':'web','args':['a','b']}]}} "
          + "| {'spec':{'containers':[{'name':'web','args':['c']}]}} "
          + "| {'spec':{'containers':[{'name':'web','args':['c']}]}}",
      "null deletes a member; a null for a missing one is dropped "
          + "| {'metadata':{'labels':{'app':'web','tier':'fe'}}} "
          + "| {'metadata':{'labels':{'tier':null,'gone':null}}} "
          + "| {'metadata':{'labels':{'app':'web'}}}",
      "upstream: unique scalars when merging lists (finalizers are a set) "
          + "| {'metadata':{'finalizers':['a','b']}} "
          + "| {'metadata':{'finalizers':['b','c']}} "
          + "| {'metadata':{'finalizers':['a','b','c']}}",
      "upstream: delete map from nested map ($patch: delete) "
          + "| {'metadata':{'labels':{'key1':'1','key2':'1'}}} "
          + "| {'metadata':{'labels':{'$patch':'delete'}}} "
          + "| {'metadata':{'labels':{}}}",
      "upstream: add key and delete all keys from map ($patch: replace) "
          + "| {'metadata':{'labels':{'name':'1','value':'1'}}} "
          + "| {'metadata':{'labels':{'other':'a','$patch':'replace'}}} "
          + "| {'metadata':{'labels':{'other':'a'}}}",
      "upstream: delete all items from merging list "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'2'}]}} "
          + "| {'spec':{'containers':[{'$patch':'replace'}]}} "
          + "| {'spec':{'containers':[]}}",
      "upstream: delete all duplicate entries in a merging list "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'1'},{'name':'2','image':'a'},{'name':'3'},{'name':'3'}]}} "
          + "| {'spec':{'containers':[{'name':'1','$patch':'delete'},{'name':'3','$patch':'delete'}]}} "
          + "| {'spec':{'containers':[{'name':'2','image':'a'}]}}",
      "upstream: preserve the order from the patch in a merging list "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'2','image':'b'},{'name':'3'}]}} "
          + "| {'spec':{'containers':[{'name':'3','image':'c'},{'name':'1','image':'a'},{'name':'2','tty':true}]}} "
          + "| {'spec':{'containers':[{'name':'3','image':'c'},{'name':'1','image':'a'},{'name':'2','image':'b','tty':true}]}}",
      "upstream: preserve the order from the patch in a merging list 2 "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'2','image':'b'},{'name':'3'}]}} "
          + "| {'spec':{'containers':[{'name':'3','image':'c'},{'name':'1','image':'a'}]}} "
          + "| {'spec':{'containers':[{'name':'2','image':'b'},{'name':'3','image':'c'},{'name':'1','image':'a'}]}}",
      "upstream: preserve the order from the patch in a merging int list "
          + "| {'metadata':{'finalizers':['1','2','3']}} "
          + "| {'metadata':{'finalizers':['3','1','2']}} "
          + "| {'metadata':{'finalizers':['3','1','2']}}",
  })
  @Graded(exercise = "2.2", points = 3)
  void mergesAsUpstreamDoes(String name, String original, String patch, String expected) {
    assertThat((Object) patch(original, patch))
        .as("%s:%n  original %s%n  patch    %s", name, original, patch)
        .isEqualTo(json(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "$deleteFromPrimitiveList removes values from a set "
          + "| {'metadata':{'finalizers':['a','b','c']}} "
          + "| {'metadata':{'$deleteFromPrimitiveList/finalizers':['b','x']}} "
          + "| {'metadata':{'finalizers':['a','c']}}",
      "upstream: $setElementOrder contains item that is not present in the list to be merged "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'3'}]}} "
          + "| {'spec':{'$setElementOrder/containers':[{'name':'3'},{'name':'2'},{'name':'1'}],"
          + "'containers':[{'name':'3','image':'3'},{'name':'1','image':'1'}]}} "
          + "| {'spec':{'containers':[{'name':'3','image':'3'},{'name':'1','image':'1'}]}}",
      "upstream: $setElementOrder alone reorders an int list "
          + "| {'metadata':{'finalizers':['1','3']}} "
          + "| {'metadata':{'$setElementOrder/finalizers':['3','2','1']}} "
          + "| {'metadata':{'finalizers':['3','1']}}",
      "upstream: add map and delete map from merging list (three-way result) "
          + "| {'spec':{'containers':[{'name':'1'},{'name':'2','image':'b'},{'name':'4','image':'c'}]}} "
          + "| {'spec':{'$setElementOrder/containers':[{'name':'2'},{'name':'3'}],"
          + "'containers':[{'name':'3'},{'name':'1','$patch':'delete'}]}} "
          + "| {'spec':{'containers':[{'name':'2','image':'b'},{'name':'4','image':'c'},{'name':'3'}]}}",
      "$retainKeys clears members it does not list (volumes: switching the source) "
          + "| {'spec':{'volumes':[{'name':'data','emptyDir':{}}]}} "
          + "| {'spec':{'volumes':[{'name':'data','$retainKeys':['name','hostPath'],'hostPath':{'path':'/d'}}]}} "
          + "| {'spec':{'volumes':[{'name':'data','hostPath':{'path':'/d'}}]}}",
  })
  @Graded(exercise = "2.2", points = 2)
  void directivesAsKubectlSendsThem(String name, String original, String patch, String expected) {
    assertThat((Object) patch(original, patch))
        .as("%s:%n  original %s%n  patch    %s", name, original, patch)
        .isEqualTo(json(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "an item without its merge key | MALFORMED "
          + "| {'spec':{'containers':[{'name':'web'}]}} | {'spec':{'containers':[{'image':'x'}]}}",
      "$patch: merge in a list | MALFORMED "
          + "| {'spec':{'containers':[{'name':'web'}]}} | {'spec':{'containers':[{'$patch':'merge'}]}}",
      "an unknown directive in a map | MALFORMED "
          + "| {'metadata':{'labels':{'a':'b'}}} | {'metadata':{'labels':{'$patch':'shred'}}}",
      "a member not listed in $retainKeys | MALFORMED "
          + "| {'spec':{'volumes':[{'name':'d'}]}} "
          + "| {'spec':{'volumes':[{'name':'d','$retainKeys':['name'],'emptyDir':{}}]}}",
      "a list of lists | FAILED "
          + "| {'metadata':{'finalizers':['a']}} | {'metadata':{'finalizers':[['b']]}}",
  })
  @Graded(exercise = "2.2", points = 1)
  void badPatchesAreRefused(String name, PatchException.Kind kind, String original,
      String patch) {
    assertThatThrownBy(() -> patch(original, patch))
        .as("%s: %s", name, patch)
        .isInstanceOf(PatchException.class)
        .extracting(e -> ((PatchException) e).kind())
        .isEqualTo(kind);
  }
}
