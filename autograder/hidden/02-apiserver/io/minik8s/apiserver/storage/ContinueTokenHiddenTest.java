package io.minik8s.apiserver.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.grader.Graded;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ContinueToken.decode on hand-made tokens. */
class ContinueTokenHiddenTest {

  static final String PREFIX = "/registry/pods/";

  static String token(String json) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "wrong version      | {'v':'meta.k8s.io/v2','rv':5,'start':'a'} | server does not recognize this encoded version \"meta.k8s.io/v2\"",
      "no revision        | {'v':'meta.k8s.io/v1','start':'a'}        | incorrect encoded start resourceVersion (version meta.k8s.io/v1)",
      "revision 0         | {'v':'meta.k8s.io/v1','rv':0,'start':'a'} | incorrect encoded start resourceVersion (version meta.k8s.io/v1)",
      "no start           | {'v':'meta.k8s.io/v1','rv':5}             | encoded start key empty (version meta.k8s.io/v1)",
      "climbs out         | {'v':'meta.k8s.io/v1','rv':5,'start':'../secrets/x'} | ../secrets/x",
      "dot segment        | {'v':'meta.k8s.io/v1','rv':5,'start':'./a'} | ./a",
      "double slash       | {'v':'meta.k8s.io/v1','rv':5,'start':'ns//a'} | ns//a",
      "trailing slash     | {'v':'meta.k8s.io/v1','rv':5,'start':'ns/'} | ns/",
      "JSON array         | [1,2]                                     | not a JSON object",
      "JSON number        | 17                                        | not a JSON object"})
  @Graded(exercise = "2.1", points = 1, hint = "A continue token is refused (400) unless it has"
      + " v meta.k8s.io/v1, a non-zero rv and a non-empty start key that path.Clean would not"
      + " change; the message says which check failed, as upstream's continue.go does.")
  void malformedTokensAreRefusedWithTheReason(String name, String json, String why) {
    assertThatThrownBy(() -> ContinueToken.decode(token(json), PREFIX)).as(name)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).as("HTTP code, %s", name).isEqualTo(400);
          assertThat(e.getMessage()).as("message, %s", name)
              .isEqualTo("invalid continue token: continue key is not valid: " + why);
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "not base64         | %%%",
      "base64, not JSON   | bm90IGpzb24"})
  @Graded(exercise = "2.1", points = 1, hint = "A token that is not base64url of JSON is a 400"
      + " 'invalid continue token: continue key is not valid: ...', never a 500.")
  void garbageIsABadRequest(String name, String token) {
    assertThatThrownBy(() -> ContinueToken.decode(token, PREFIX)).as(name)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.code()).as("HTTP code, %s", name).isEqualTo(400);
          assertThat(e.getMessage()).startsWith("invalid continue token: continue key is not valid: ");
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "relative start     | {'v':'meta.k8s.io/v1','rv':42,'start':'default/web'}       | 42 | /registry/pods/default/web",
      "rooted start       | {'v':'meta.k8s.io/v1','rv':42,'start':'/web'}               | 42 | /registry/pods/web",
      "latest revision -1 | {'v':'meta.k8s.io/v1','rv':-1,'start':'web'}                | -1 | /registry/pods/web"})
  @Graded(exercise = "2.1", points = 1, hint = "A good token yields its rv (-1 allowed: 'latest')"
      + " and the listed prefix plus its start key, a leading '/' of the start key dropped.")
  void goodTokensDecodeUnderTheListedPrefix(String name, String json, long rv, String key) {
    ContinueToken decoded = ContinueToken.decode(token(json), PREFIX);
    assertThat(decoded.resourceVersion()).as("rv of %s", name).isEqualTo(rv);
    assertThat(decoded.startKey()).as("start key of %s", name).isEqualTo(key);
  }
}
