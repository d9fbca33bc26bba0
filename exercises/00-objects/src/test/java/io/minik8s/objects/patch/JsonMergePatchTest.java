package io.minik8s.objects.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonMergePatchTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  /** RFC 7386, Appendix A: every example, in the RFC's order. */
  @ParameterizedTest(name = "{0} + {1} = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`', // the JSON is written with ' for readability, turned into " below
      value = {
        // original                | patch                           | result
        "{'a':'b'}                 | {'a':'c'}                       | {'a':'c'}",
        "{'a':'b'}                 | {'b':'c'}                       | {'a':'b','b':'c'}",
        "{'a':'b'}                 | {'a':null}                      | {}",
        "{'a':'b','b':'c'}         | {'a':null}                      | {'b':'c'}",
        "{'a':['b']}               | {'a':'c'}                       | {'a':'c'}",
        "{'a':'c'}                 | {'a':['b']}                     | {'a':['b']}",
        "{'a':{'b':'c'}}           | {'a':{'b':'d','c':null}}        | {'a':{'b':'d'}}",
        "{'a':[{'b':'c'}]}         | {'a':[1]}                       | {'a':[1]}",
        "['a','b']                 | ['c','d']                       | ['c','d']",
        "{'a':'b'}                 | ['c']                           | ['c']",
        "{'a':'foo'}               | null                            | null",
        "{'a':'foo'}               | 'bar'                           | 'bar'",
        "{'e':null}                | {'a':1}                         | {'e':null,'a':1}",
        "[1,2]                     | {'a':'b','c':null}              | {'a':'b'}",
        "{}                        | {'a':{'bb':{'ccc':null}}}       | {'a':{'bb':{}}}",
      })
  @Graded(exercise = "0.6", points = 3)
  void rfc7386AppendixA(String original, String patch, String result) {
    JsonNode target = json(original.replace('\'', '"'));
    JsonNode mergePatch = json(patch.replace('\'', '"'));

    JsonNode actual = JsonMergePatch.apply(target, mergePatch);

    assertThat((Object) actual)
        .as("apply(%s, %s)", original, patch)
        .isEqualTo(json(result.replace('\'', '"')));
  }

  @Test
  @Graded(exercise = "0.6", points = 1)
  void applyNeverModifiesItsInputs() {
    JsonNode target = json("{\"spec\":{\"replicas\":3,\"paused\":true},\"keep\":[1,2]}");
    JsonNode patch = json("{\"spec\":{\"replicas\":5,\"paused\":null,\"new\":{\"x\":1}}}");
    String targetBefore = target.toString();
    String patchBefore = patch.toString();

    JsonNode result = JsonMergePatch.apply(target, patch);
    ((ObjectNode) result.get("spec").get("new")).put("x", 2);

    assertThat((Object) result)
        .isEqualTo(json("{\"spec\":{\"replicas\":5,\"new\":{\"x\":2}},\"keep\":[1,2]}"));
    assertThat(target.toString()).as("target after apply").isEqualTo(targetBefore);
    assertThat(patch.toString()).as("patch after apply (and after editing the result)").isEqualTo(patchBefore);
  }

  @ParameterizedTest(name = "diff({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // original                      | modified                        | minimal patch
        "{'a':1,'b':2}                   | {'a':1,'b':2}                   | {}",
        "{'a':1}                         | {'a':2}                         | {'a':2}",
        "{'a':1,'b':2}                   | {'a':1}                         | {'b':null}",
        "{'a':1}                         | {'a':1,'b':{'c':true}}          | {'b':{'c':true}}",
        "{'m':{'x':1,'y':2}}             | {'m':{'x':1,'y':3}}             | {'m':{'y':3}}",
        "{'m':{'x':1,'y':2}}             | {'m':{'x':1}}                   | {'m':{'y':null}}",
        "{'l':[1,2,3]}                   | {'l':[1,2]}                     | {'l':[1,2]}",
        "{'l':[1,2]}                     | {'l':[1,2]}                     | {}",
        "{'a':{'b':1}}                   | {'a':'flat'}                    | {'a':'flat'}",
        "{'a':1.0}                       | {'a':1}                         | {}",
      })
  @Graded(exercise = "0.6", points = 2)
  void diffIsTheMinimalPatch(String original, String modified, String expected) {
    JsonNode from = json(original.replace('\'', '"'));
    JsonNode to = json(modified.replace('\'', '"'));

    JsonNode patch = JsonMergePatch.diff(from, to);

    assertThat((Object) patch).as("diff(%s, %s)", original, modified).isEqualTo(json(expected.replace('\'', '"')));
    JsonNode roundTrip = JsonMergePatch.apply(from, patch);
    assertThat(JsonValues.sameValue(roundTrip, to))
        .as("apply(%s, diff) must give back %s (numbers by value), got %s", original, modified, roundTrip)
        .isTrue();
  }
}
