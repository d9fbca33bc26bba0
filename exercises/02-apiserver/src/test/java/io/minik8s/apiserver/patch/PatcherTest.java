package io.minik8s.apiserver.patch;

import static io.minik8s.apiserver.patch.JsonPatchTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.scheme.ResourceType;
import io.minik8s.objects.scheme.Scheme;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The PATCH verb's three patch types on one Pod, and the Status of each way to get it wrong. */
class PatcherTest {

  static final ResourceType PODS = Scheme.builtIn().resolve("pods");
  static final String POD = "{'apiVersion':'v1','kind':'Pod','metadata':{'name':'web',"
      + "'namespace':'default','labels':{'app':'web'}},'spec':{'containers':"
      + "[{'name':'web','image':'web:1'},{'name':'log','image':'log:1'}]}}";

  final Patcher patcher = new Patcher();

  static Unstructured pod() {
    return Unstructured.of((ObjectNode) json(POD));
  }

  Unstructured patch(String contentType, String body) {
    return patcher.apply(contentType, PODS, pod(),
        body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "application/json-patch+json "
          + "| [{'op':'replace','path':'/spec/containers/0/image','value':'web:2'}] "
          + "| [{'name':'web','image':'web:2'},{'name':'log','image':'log:1'}]",
      "application/merge-patch+json "
          + "| {'spec':{'containers':[{'name':'web','image':'web:2'}]}} "
          + "| [{'name':'web','image':'web:2'}]",
      "application/strategic-merge-patch+json "
          + "| {'spec':{'containers':[{'name':'web','image':'web:2'}]}} "
          + "| [{'name':'web','image':'web:2'},{'name':'log','image':'log:1'}]",
      "application/strategic-merge-patch+json; charset=utf-8 "
          + "| {'spec':{'containers':[{'name':'web','image':'web:2'}]}} "
          + "| [{'name':'web','image':'web:2'},{'name':'log','image':'log:1'}]",
  })
  @Graded(exercise = "2.2", points = 1)
  void eachContentTypeGetsItsOwnPatchKind(String contentType, String body, String containers) {
    Unstructured patched = patch(contentType, body);

    assertThat((Object) patched.at("spec.containers"))
        .as("spec.containers after a %s PATCH with %s (a merge patch replaces lists, a strategic "
            + "merge patch merges containers by name)", contentType, body)
        .isEqualTo(json(containers));
    assertThat(patched.labels()).as("labels the patch did not touch").containsEntry("app", "web");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      // case | content type | body | code | reason | message (start)
      "a JSON patch that is not an array | application/json-patch+json | {'op':'add'} "
          + "| 400 | BadRequest | a JSON patch must be an array",
      "a failed test operation | application/json-patch+json "
          + "| [{'op':'test','path':'/metadata/name','value':'db'}] | 422 | Invalid "
          + "| the server rejected our request due to an error in our request",
      "a merge patch renaming the object | application/merge-patch+json "
          + "| {'metadata':{'name':'db'}} | 400 | BadRequest "
          + "| the name of the object (db) does not match the name on the URL (web)",
      "a JSON patch removing the name | application/json-patch+json "
          + "| [{'op':'remove','path':'/metadata/name'}] | 400 | BadRequest "
          + "| the name of the object () does not match the name on the URL (web)",
      "a patch changing the kind | application/strategic-merge-patch+json "
          + "| {'kind':'Service'} | 422 | Invalid | \" \"\" is invalid: patch: Invalid value\"",
  })
  @Graded(exercise = "2.2", points = 1)
  void mistakesGetUpstreamsStatus(String name, String contentType, String body, int code,
      String reason, String message) {
    String expected = message.startsWith("\"") ? message.substring(1, message.length() - 1)
        : message;

    assertThatThrownBy(() -> patch(contentType, body))
        .as("%s: PATCH %s %s", name, contentType, body)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).as("%s: HTTP code", name).isEqualTo(code);
          assertThat(e.reason()).as("%s: reason", name).isEqualTo(reason);
          assertThat(e.getMessage()).as("%s: message", name).startsWith(expected);
        });
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    assertThatThrownBy(() -> patch("application/merge-patch+json", "{oops"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(400);
          assertThat(e.getMessage()).isEqualTo("invalid JSON patch");
        });
  }

  @Test
  void anUnknownContentTypeIs415WithTheSupportedList() {
    assertThatThrownBy(() -> patch("application/json", "{}"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).isEqualTo(415);
          assertThat(e.getMessage()).isEqualTo("the body of the request was in an unknown format - "
              + "accepted media types include: application/json-patch+json, "
              + "application/merge-patch+json, application/strategic-merge-patch+json, "
              + "application/apply-patch+yaml");
        });
  }
}
