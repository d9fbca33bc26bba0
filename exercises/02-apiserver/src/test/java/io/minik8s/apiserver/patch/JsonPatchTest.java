package io.minik8s.apiserver.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6902 Appendix A, every example, plus the pointer escapes of RFC 6901. */
class JsonPatchTest {

  static final ObjectMapper JSON = new ObjectMapper();

  /** JSON written with ' for readability. */
  static JsonNode json(String text) {
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // RFC 6902 section | document | patch | result
      "A.1 add an object member | {'foo':'bar'} "
          + "| [{'op':'add','path':'/baz','value':'qux'}] | {'baz':'qux','foo':'bar'}",
      "A.2 add an array element | {'foo':['bar','baz']} "
          + "| [{'op':'add','path':'/foo/1','value':'qux'}] | {'foo':['bar','qux','baz']}",
      "A.3 remove an object member | {'baz':'qux','foo':'bar'} "
          + "| [{'op':'remove','path':'/baz'}] | {'foo':'bar'}",
      "A.4 remove an array element | {'foo':['bar','qux','baz']} "
          + "| [{'op':'remove','path':'/foo/1'}] | {'foo':['bar','baz']}",
      "A.5 replace a value | {'baz':'qux','foo':'bar'} "
          + "| [{'op':'replace','path':'/baz','value':'boo'}] | {'baz':'boo','foo':'bar'}",
      "A.6 move a value | {'foo':{'bar':'baz','waldo':'fred'},'qux':{'corge':'grault'}} "
          + "| [{'op':'move','from':'/foo/waldo','path':'/qux/thud'}] "
          + "| {'foo':{'bar':'baz'},'qux':{'corge':'grault','thud':'fred'}}",
      "A.7 move an array element | {'foo':['all','grass','cows','eat']} "
          + "| [{'op':'move','from':'/foo/1','path':'/foo/3'}] "
          + "| {'foo':['all','cows','eat','grass']}",
      "A.8 test a value (success) | {'baz':'qux','foo':['a',2,'c']} "
          + "| [{'op':'test','path':'/baz','value':'qux'},{'op':'test','path':'/foo/1','value':2}] "
          + "| {'baz':'qux','foo':['a',2,'c']}",
      "A.10 add a nested member object | {'foo':'bar'} "
          + "| [{'op':'add','path':'/child','value':{'grandchild':{}}}] "
          + "| {'foo':'bar','child':{'grandchild':{}}}",
      "A.11 ignore unrecognized elements | {'foo':'bar'} "
          + "| [{'op':'add','path':'/baz','value':'qux','xyz':123}] | {'foo':'bar','baz':'qux'}",
      "A.14 ~ escape ordering | {'/':9,'~1':10} "
          + "| [{'op':'test','path':'/~01','value':10}] | {'/':9,'~1':10}",
      "A.16 add an array value | {'foo':['bar']} "
          + "| [{'op':'add','path':'/foo/-','value':['abc','def']}] "
          + "| {'foo':['bar',['abc','def']]}",
      "copy a value | {'spec':{'a':{'x':1}}} "
          + "| [{'op':'copy','from':'/spec/a','path':'/spec/b'}] | {'spec':{'a':{'x':1},'b':{'x':1}}}",
      "a label with a slash (~1) | {'metadata':{'labels':{}}} "
          + "| [{'op':'add','path':'/metadata/labels/app.kubernetes.io~1name','value':'web'}] "
          + "| {'metadata':{'labels':{'app.kubernetes.io/name':'web'}}}",
      "operations apply in order | {'a':[]} "
          + "| [{'op':'add','path':'/a/-','value':1},{'op':'add','path':'/a/0','value':0},"
          + "{'op':'replace','path':'/a/1','value':2}] | {'a':[0,2]}",
      "test compares numbers by value | {'replicas':3} "
          + "| [{'op':'test','path':'/replicas','value':3.0}] | {'replicas':3}",
  })
  @Graded(exercise = "2.2", points = 2)
  void rfc6902AppendixA(String name, String document, String patch, String result) {
    JsonNode actual = JsonPatch.parse(json(patch)).apply(json(document));

    assertThat((Object) actual).as("%s: %s applied to %s", name, patch, document)
        .isEqualTo(json(result));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "A.9 test a value (error) | {'baz':'qux'} | [{'op':'test','path':'/baz','value':'bar'}]",
      "A.12 add to a nonexistent target | {'foo':'bar'} "
          + "| [{'op':'add','path':'/baz/bat','value':'qux'}]",
      "A.15 comparing strings and numbers | {'/':9,'~1':10} "
          + "| [{'op':'test','path':'/~01','value':'10'}]",
      "remove a missing member | {'a':1} | [{'op':'remove','path':'/b'}]",
      "replace a missing member | {'a':1} | [{'op':'replace','path':'/b','value':2}]",
      "add past the end of an array | {'a':[1]} | [{'op':'add','path':'/a/2','value':3}]",
      "an index with a leading zero | {'a':[1,2]} | [{'op':'remove','path':'/a/01'}]",
      "move into its own child | {'a':{'b':{}}} | [{'op':'move','from':'/a','path':'/a/b/c'}]",
  })
  @Graded(exercise = "2.2", points = 1)
  void operationsThatDoNotFitTheDocumentFail(String name, String document, String patch) {
    JsonPatch operations = JsonPatch.parse(json(patch));

    assertThatThrownBy(() -> operations.apply(json(document)))
        .as("%s: %s applied to %s must fail", name, patch, document)
        .isInstanceOf(PatchException.class)
        .extracting(e -> ((PatchException) e).kind())
        .isEqualTo(PatchException.Kind.FAILED);
  }

  @Test
  @Graded(exercise = "2.2", points = 1)
  void aFailedPatchLeavesTheDocumentUntouched() {
    JsonNode document = json("{'spec':{'replicas':3}}");
    JsonPatch patch = JsonPatch.parse(json(
        "[{'op':'replace','path':'/spec/replicas','value':5},"
            + "{'op':'test','path':'/spec/replicas','value':4}]"));

    assertThatThrownBy(() -> patch.apply(document)).isInstanceOf(PatchException.class);
    assertThat((Object) document).as("the caller's document after a failed patch")
        .isEqualTo(json("{'spec':{'replicas':3}}"));
    assertThat((Object) JsonPatch.parse(json("[{'op':'remove','path':'/spec'}]")).apply(document))
        .isEqualTo(json("{}"));
  }

  @Test
  void malformedDocumentsAreRefusedBeforeAnythingApplies() {
    for (String patch : new String[] {"{'op':'add'}", "[{'op':'frobnicate','path':'/a'}]",
        "[{'op':'add','path':'/a'}]", "[{'op':'move','path':'/a'}]", "[{'op':'add','path':'a','value':1}]"}) {
      assertThatThrownBy(() -> JsonPatch.parse(json(patch))).as(patch)
          .isInstanceOf(PatchException.class)
          .extracting(e -> ((PatchException) e).kind())
          .isEqualTo(PatchException.Kind.MALFORMED);
    }
  }
}
