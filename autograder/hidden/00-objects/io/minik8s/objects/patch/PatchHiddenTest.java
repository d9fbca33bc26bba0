package io.minik8s.objects.patch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.grader.Graded;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Upstream's three-way cases (k8s.io/apimachinery/pkg/util/jsonmergepatch/patch_test.go), redrawn
 * as JSON rows, plus properties over seeded random documents.
 */
class PatchHiddenTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** JSON written with ' for readability; "~" is a missing (Java null) argument. */
  private static JsonNode json(String text) {
    if (text.equals("~")) {
      return null;
    }
    try {
      return JSON.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException("bad JSON in test: " + text, e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // case | last-applied | live | desired | patch | live after the patch
        "no last-applied | ~ | {'name':1,'other':'a'} | {'name':1,'value':1} | {'value':1} | {'name':1,'value':1,'other':'a'}",
        "no change | {'name':1} | {'name':1} | {'name':1} | {} | {'name':1}",
        "add a field | {'name':1} | {'name':1,'other':'a'} | {'name':1,'value':1} | {'value':1} | {'name':1,'value':1,'other':'a'}",
        "add a field, live drifted | {'name':1} | {'name':'a','other':'a'} | {'name':1,'value':1} | {'name':1,'value':1} | {'name':1,'value':1,'other':'a'}",
        "add and delete | {'name':1} | {'name':1,'other':'a'} | {'value':1} | {'name':null,'value':1} | {'value':1,'other':'a'}",
        "add and delete, live drifted | {'name':1} | {'name':'a','other':'a'} | {'value':1} | {'name':null,'value':1} | {'value':1,'other':'a'}",
        "delete from a nested map | {'m':{'k1':1,'k2':1}} | {'m':{'k1':1,'k2':1,'other':'a'}} | {'m':{'k1':1}} | {'m':{'k2':null}} | {'m':{'k1':1,'other':'a'}}",
        "delete from a nested map, live drifted | {'m':{'k1':1,'k2':1}} | {'m':{'k1':'a','k2':1,'other':'a'}} | {'m':{'k1':1}} | {'m':{'k1':1,'k2':null}} | {'m':{'k1':1,'other':'a'}}",
        "delete everything applied | {'name':1,'value':1} | {'name':1,'value':1,'other':'a'} | {} | {'name':null,'value':null} | {'other':'a'}",
        "delete everything applied, live drifted | {'name':1,'value':1} | {'name':1,'value':'a','other':'a'} | {} | {'name':null,'value':null} | {'other':'a'}",
        "take over a field | {'name':1,'value':1} | {'name':1,'value':1,'other':'a'} | {'other':'a'} | {'name':null,'value':null} | {'other':'a'}",
        "take over a drifted field | {'name':1,'value':1} | {'name':1,'value':1,'other':'b'} | {'other':'a'} | {'name':null,'value':null,'other':'a'} | {'other':'a'}",
        "replace a list | {'l':[1,2]} | {'l':[1,2]} | {'l':[2,3]} | {'l':[2,3]} | {'l':[2,3]}",
        "replace a drifted list | {'l':[1,2]} | {'l':[1,4]} | {'l':[2,3]} | {'l':[2,3]} | {'l':[2,3]}",
        "scalar to another type | {'foo':1} | {'foo':1,'bar':2} | {'foo':true} | {'foo':true} | {'foo':true,'bar':2}",
        "scalar to list | {'foo':0} | {'foo':0,'bar':2} | {'foo':[1,2]} | {'foo':[1,2]} | {'foo':[1,2],'bar':2}",
        "list to scalar | {'foo':[1,2]} | {'foo':[1,2],'bar':2} | {'foo':0} | {'foo':0} | {'foo':0,'bar':2}",
        "scalar to map | {'foo':0} | {'foo':0,'bar':2} | {'foo':{'baz':1}} | {'foo':{'baz':1}} | {'foo':{'baz':1},'bar':2}",
        "map to scalar | {'foo':{'baz':1}} | {'foo':{'baz':1},'bar':2} | {'foo':0} | {'foo':0} | {'foo':0,'bar':2}",
        "map to list | {'foo':{'baz':1}} | {'foo':{'baz':1},'bar':2} | {'foo':[1,2]} | {'foo':[1,2]} | {'foo':[1,2],'bar':2}",
        "list to map | {'foo':[1,2]} | {'foo':[1,2],'bar':2} | {'foo':{'baz':0}} | {'foo':{'baz':0}} | {'foo':{'baz':0},'bar':2}",
        "lists of mixed types | {'foo':[{'a':true},2,false]} | {'foo':[{'a':true},2,false],'bar':0} | {'foo':[1,false,{'b':1}]} | {'foo':[1,false,{'b':1}]} | {'foo':[1,false,{'b':1}],'bar':0}",
        "lists with nulls | {'foo':[{'a':true},null,false],'bar':[],'drop':[1]} | {'foo':[{'a':true},2,false],'bar':['c',null,null,'a'],'drop':null} | {'foo':[1,false,{'b':1}],'bar':['c',null,null,'a'],'drop':[null]} | {'foo':[1,false,{'b':1}],'drop':[null]} | {'foo':[1,false,{'b':1}],'drop':[null],'bar':['c',null,null,'a']}",
        "explicit null in desired deletes | {} | {'a':1,'b':2} | {'a':null} | {'a':null} | {'b':2}",
        "explicit empty map is a value | {} | {'a':1} | {'m':{}} | {'m':{}} | {'a':1,'m':{}}",
        "removing a parent removes its subtree | {'m':{'x':1}} | {'m':{'x':1,'y':2}} | {} | {'m':null} | {}",
        "others' nested fields survive | {'m':{'x':1}} | {'m':{'x':1,'y':2}} | {'m':{'x':2}} | {'m':{'x':2}} | {'m':{'x':2,'y':2}}",
        "numbers compare by value | {'n':1} | {'n':1.0} | {'n':1} | {} | {'n':1.0}",
      })
  @Graded(
      exercise = "0.6",
      points = 3,
      hint = "Additions and changes come from live vs desired (drop their nulls); deletions come"
          + " from last-applied vs desired (keep only nulls); type changes and lists replace"
          + " whole values.")
  void upstreamThreeWayCases(
      String name, String lastApplied, String live, String desired, String patch, String result) {
    JsonNode actual = ThreeWayMerge.patch(json(lastApplied), json(live), json(desired));

    assertThat((Object) actual).as("%s: patch", name).isEqualTo(json(patch));
    assertThat((Object) JsonMergePatch.apply(json(live), actual)).as("%s: live after the patch", name).isEqualTo(json(result));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        // case | patch | only deletions | only additions and changes
        "empty | {} | {} | {}",
        "flat | {'gone':null,'set':'foo'} | {'gone':null} | {'set':'foo'}",
        "all nulls | {'a':null,'b':null} | {'a':null,'b':null} | {}",
        "no nulls | {'a':'x','b':'y'} | {} | {'a':'x','b':'y'}",
        "nested | {'m':{'gone':null,'set':'foo'}} | {'m':{'gone':null}} | {'m':{'set':'foo'}}",
        "nested, all nulls | {'m':{'a':null,'b':null}} | {'m':{'a':null,'b':null}} | {}",
        "nested, no nulls | {'m':{'a':1,'b':2}} | {} | {'m':{'a':1,'b':2}}",
        "empty map is a value | {'m':{}} | {} | {'m':{}}",
        "nested empty map | {'m':{'e':{}}} | {} | {'m':{'e':{}}}",
        "empty map next to a null | {'m':{'e':{},'gone':null}} | {'m':{'gone':null}} | {'m':{'e':{}}}",
        "lists are values, nulls inside them too | {'l':[{'k1':'v1'},{'k2':null},null,'v3']} | {} | {'l':[{'k1':'v1'},{'k2':null},null,'v3']}",
        "empty list | {'l':[]} | {} | {'l':[]}",
      })
  @Graded(
      exercise = "0.6",
      points = 2,
      hint = "Filtering a patch recurses into objects only; an object that was empty to begin with"
          + " is a value, one emptied by the filter disappears.")
  void retainSplitsDeletionsFromChanges(String name, String patch, String deletions, String changes) {
    ObjectNode input = (ObjectNode) json(patch);
    String before = input.toString();

    assertThat((Object) ThreeWayMerge.retain(input, true)).as("%s: deletions", name).isEqualTo(json(deletions));
    assertThat((Object) ThreeWayMerge.retain(input, false)).as("%s: changes", name).isEqualTo(json(changes));
    assertThat(input.toString()).as("%s: input untouched", name).isEqualTo(before);
  }

  @Test
  @Graded(
      exercise = "0.6",
      points = 2,
      hint = "apply: a null patch gives null, a missing target is like a non-object, {} changes"
          + " nothing, and the result is always a fresh tree.")
  void applyEdgeCases() {
    assertThat((Object) JsonMergePatch.apply(json("{'a':1}"), null)).isEqualTo(json("null"));
    assertThat((Object) JsonMergePatch.apply(null, json("{'a':{'b':null,'c':1}}"))).isEqualTo(json("{'a':{'c':1}}"));
    assertThat((Object) JsonMergePatch.apply(json("'text'"), json("{'a':1}"))).isEqualTo(json("{'a':1}"));
    assertThat((Object) JsonMergePatch.apply(json("{'a':{'b':1}}"), json("{'a':{'b':{'c':2}}}")))
        .isEqualTo(json("{'a':{'b':{'c':2}}}"));
    assertThat((Object) JsonMergePatch.apply(json("{'a':{'b':1}}"), json("{'a':{}}"))).isEqualTo(json("{'a':{'b':1}}"));
    assertThat((Object) JsonMergePatch.apply(json("{'a':1}"), json("{'missing':null}"))).isEqualTo(json("{'a':1}"));
    assertThat((Object) JsonMergePatch.apply(json("{'a':[1,{'x':1}]}"), json("{'a':[{'y':2}]}")))
        .isEqualTo(json("{'a':[{'y':2}]}"));

    JsonNode target = json("{'keep':{'deep':[1,2]},'x':1}");
    JsonNode patch = json("{'x':2,'added':{'deep':{'v':1}}}");
    JsonNode result = JsonMergePatch.apply(target, patch);
    ((ArrayNode) result.get("keep").get("deep")).add(3);
    ((ObjectNode) result.get("added").get("deep")).put("v", 9);
    assertThat((Object) target).as("target after editing the result").isEqualTo(json("{'keep':{'deep':[1,2]},'x':1}"));
    assertThat((Object) patch).as("patch after editing the result").isEqualTo(json("{'x':2,'added':{'deep':{'v':1}}}"));
  }

  @ParameterizedTest(name = "diff({0}, {1}) = {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "{}                      | {}                          | {}",
        "{'a':{'b':{'c':1}}}     | {'a':{'b':{'c':1}}}         | {}",
        "{'a':{'b':{'c':1}}}     | {'a':{'b':{'c':2}}}         | {'a':{'b':{'c':2}}}",
        "{'a':{'b':{'c':1}}}     | {'a':{'b':{}}}              | {'a':{'b':{'c':null}}}",
        "{'a':{'b':1}}           | {'a':{}}                    | {'a':{'b':null}}",
        "{}                      | {'a':{}}                    | {'a':{}}",
        "{'a':'flat'}            | {'a':{'b':1}}               | {'a':{'b':1}}",
        "{'a':[1,2]}             | {'a':[2,1]}                 | {'a':[2,1]}",
        "{'a':[{'x':1}]}         | {'a':[{'x':1}]}             | {}",
        "{'a':1}                 | {'a':'1'}                   | {'a':'1'}",
        "{'a':true}              | {'a':false}                 | {'a':false}",
        "{'a':null}              | {'a':null}                  | {}",
        "{'a':null}              | {}                          | {'a':null}",
        "{}                      | {'a':null}                  | {'a':null}",
        "{'a':1}                 | {'a':null}                  | {'a':null}",
        "{'a':1}                 | [1]                         | [1]",
        "[1]                     | {'a':1}                     | {'a':1}",
        "'x'                     | 'x'                         | 'x'",
        "{'big':10000000000}     | {'big':1.0E10}              | {}",
      })
  @Graded(
      exercise = "0.6",
      points = 2,
      hint = "diff recurses only when both sides are objects; numbers compare by value; a member"
          + " missing from modified becomes null.")
  void diffEdgeCases(String original, String modified, String expected) {
    assertThat((Object) JsonMergePatch.diff(json(original), json(modified)))
        .as("diff(%s, %s)", original, modified)
        .isEqualTo(json(expected));
  }

  @Test
  @Graded(
      exercise = "0.6",
      points = 2,
      hint = "For any two objects without nulls, applying diff(a, b) to a must give exactly b.")
  void diffThenApplyRoundTrips() {
    Random random = new Random(42);
    for (int i = 0; i < 300; i++) {
      ObjectNode a = randomObject(random, 3);
      ObjectNode b = random.nextInt(4) == 0 ? a.deepCopy() : randomObject(random, 3);
      String aBefore = a.toString();
      String bBefore = b.toString();

      JsonNode patch = JsonMergePatch.diff(a, b);

      assertThat((Object) JsonMergePatch.apply(a, patch)).as("apply(%s, diff(…, %s)) with patch %s", a, b, patch).isEqualTo(b);
      if (a.equals(b)) {
        assertThat((Object) patch).as("diff of equal objects %s", a).isEqualTo(NODES.objectNode());
      }
      assertThat(a.toString()).as("original untouched").isEqualTo(aBefore);
      assertThat(b.toString()).as("modified untouched").isEqualTo(bBefore);
    }
  }

  @Test
  @Graded(
      exercise = "0.6",
      points = 2,
      hint = "After the three-way patch, live must hold every desired field, none of the fields"
          + " removed since last-applied, and every field only other actors ever set.")
  void threeWayLaws() {
    Random random = new Random(7);
    for (int i = 0; i < 300; i++) {
      ObjectNode lastApplied = randomObject(random, 3);
      ObjectNode live = random.nextBoolean() ? randomObject(random, 3) : mutate(random, lastApplied);
      ObjectNode desired = random.nextBoolean() ? randomObject(random, 3) : mutate(random, lastApplied);
      String trio = "last=" + lastApplied + " live=" + live + " desired=" + desired;

      ObjectNode patch = ThreeWayMerge.patch(lastApplied, live, desired);
      JsonNode after = JsonMergePatch.apply(live, patch);

      assertContains(after, desired, "", trio);
      assertRemoved(after, lastApplied, desired, "", trio);
      for (Map.Entry<String, JsonNode> field : live.properties()) {
        if (!lastApplied.has(field.getKey()) && !desired.has(field.getKey())) {
          assertThat((Object) after.get(field.getKey()))
              .as("live-only field %s after the patch (%s)", field.getKey(), trio)
              .isEqualTo(field.getValue());
        }
      }
    }
  }

  /** Every member of {@code desired} is in {@code actual} with the same value (objects recursively). */
  private static void assertContains(JsonNode actual, JsonNode desired, String path, String trio) {
    for (Map.Entry<String, JsonNode> field : desired.properties()) {
      String at = path + "/" + field.getKey();
      JsonNode value = actual.get(field.getKey());
      if (field.getValue().isObject() && value != null && value.isObject()) {
        assertContains(value, field.getValue(), at, trio);
      } else {
        assertThat((Object) value).as("desired %s after the patch (%s)", at, trio).isEqualTo(field.getValue());
      }
    }
  }

  /** Members of {@code lastApplied} that {@code desired} dropped are gone from {@code actual}. */
  private static void assertRemoved(
      JsonNode actual, JsonNode lastApplied, JsonNode desired, String path, String trio) {
    if (actual == null || !actual.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> field : lastApplied.properties()) {
      String at = path + "/" + field.getKey();
      JsonNode wanted = desired.get(field.getKey());
      if (wanted == null) {
        assertThat(actual.has(field.getKey())).as("%s was removed from the manifest (%s)", at, trio).isFalse();
      } else if (wanted.isObject() && field.getValue().isObject()) {
        assertRemoved(actual.get(field.getKey()), field.getValue(), wanted, at, trio);
      }
    }
  }

  private static final String[] KEYS = {"a", "b", "c", "d"};

  private static ObjectNode randomObject(Random random, int depth) {
    ObjectNode node = NODES.objectNode();
    int size = random.nextInt(4);
    for (int i = 0; i < size; i++) {
      node.set(KEYS[random.nextInt(KEYS.length)], randomValue(random, depth - 1));
    }
    return node;
  }

  private static JsonNode randomValue(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 6 : 4);
    return switch (kind) {
      case 0 -> NODES.numberNode(random.nextInt(3));
      case 1 -> NODES.textNode(random.nextBoolean() ? "x" : "y");
      case 2 -> NODES.booleanNode(random.nextBoolean());
      case 3 -> NODES.arrayNode().add(random.nextInt(2)).add(random.nextInt(2));
      default -> randomObject(random, depth);
    };
  }

  /** A copy of {@code node} with a few members changed, added or removed, at any depth. */
  private static ObjectNode mutate(Random random, ObjectNode node) {
    ObjectNode copy = node.deepCopy();
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      ObjectNode at = copy;
      while (true) {
        String key = KEYS[random.nextInt(KEYS.length)];
        JsonNode child = at.get(key);
        if (child != null && child.isObject() && random.nextBoolean()) {
          at = (ObjectNode) child;
          continue;
        }
        if (child != null && random.nextBoolean()) {
          at.remove(key);
        } else {
          at.set(key, randomValue(random, 2));
        }
        break;
      }
    }
    return copy;
  }
}
