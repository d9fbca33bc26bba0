package io.minik8s.client.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import org.junit.jupiter.api.Test;

class StatusMappingHiddenTest {

  static String status(Integer code, String reason, String message) {
    return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\""
        + message + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"")
        + (code == null ? "" : ",\"code\":" + code) + "}";
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "409 means AlreadyExists or Conflict: look at the Status reason first.")
  void theReasonDecidesBeforeTheCode() {
    assertThat(StatusExceptions.from(409, status(409, "AlreadyExists", "x")))
        .isExactlyInstanceOf(AlreadyExistsException.class);
    assertThat(StatusExceptions.from(409, status(409, "Conflict", "x")))
        .isExactlyInstanceOf(ConflictException.class);
    assertThat(StatusExceptions.from(500, status(500, "InternalError", "boom")))
        .as("a reason no subclass names: the plain ApiStatusException")
        .isExactlyInstanceOf(ApiStatusException.class);
    assertThat(StatusExceptions.from(400, status(400, "NotFound", "odd")))
        .as("a known reason wins even over a different code")
        .isExactlyInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "When a Status has no reason, or one you do not know, the HTTP code decides.")
  void aMissingOrUnknownReasonFallsBackToTheCode() {
    assertThat(StatusExceptions.from(404, status(404, null, "gone")))
        .isExactlyInstanceOf(NotFoundException.class);
    assertThat(StatusExceptions.from(403, status(403, "SomethingNew", "no")))
        .isExactlyInstanceOf(ForbiddenException.class);
    assertThat(StatusExceptions.from(422, status(422, "", "bad")))
        .isExactlyInstanceOf(InvalidException.class);
    assertThat(StatusExceptions.from(405, status(405, null, "no")))
        .isExactlyInstanceOf(MethodNotAllowedException.class);
    assertThat(StatusExceptions.from(400, status(400, null, "no")))
        .isExactlyInstanceOf(BadRequestException.class);
    assertThat(StatusExceptions.from(418, status(418, null, "teapot")))
        .isExactlyInstanceOf(ApiStatusException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A Status without a code still failed with the answer's HTTP code: fill it in.")
  void aStatusWithoutACodeTakesTheAnswersCode() {
    ApiStatusException e = StatusExceptions.from(410, status(null, null, "too old"));
    assertThat(e).isExactlyInstanceOf(GoneException.class);
    assertThat(e.code()).isEqualTo(410);
    assertThat(e.getMessage()).isEqualTo("too old");
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "A non-Status 5xx answer is an InternalError whose message quotes the body; other "
          + "unknown codes say the server returned no more information.")
  void unstructuredMessagesFollowClientGo() {
    ApiStatusException internal = StatusExceptions.from(500, "database on fire");
    assertThat(internal.reason()).isEqualTo("InternalError");
    assertThat(internal.getMessage()).isEqualTo(
        "an error on the server (\"database on fire\") has prevented the request from succeeding");
    ApiStatusException teapot = StatusExceptions.from(418, "");
    assertThat(teapot.getMessage()).isEqualTo(
        "the server responded with the status code 418 but did not return more information");
    assertThat(teapot.status().details().causes()).as("an empty body adds no cause").isEmpty();
    ApiStatusException forbidden = StatusExceptions.from(403, "only admins");
    assertThat(forbidden.getMessage()).as("a 403 keeps the server's words")
        .isEqualTo("only admins");
    assertThat(StatusExceptions.from(404, "[1,2]"))
        .as("JSON that is not a Status object").isExactlyInstanceOf(NotFoundException.class);
  }

  @Test
  @Graded(exercise = "3.1", points = 1,
      hint = "Without a Status body, each code has client-go's reason and message "
          + "(NewGenericServerResponse in k8s.io/apimachinery/pkg/api/errors).")
  void unstructuredReasonsAndMessagesByCode() {
    record Case(int code, String reason, String message) {}
    for (Case c : java.util.List.of(
        new Case(400, "BadRequest", "the server rejected our request for an unknown reason"),
        new Case(401, "Unauthorized", "the server has asked for the client to provide credentials"),
        new Case(404, "NotFound", "the server could not find the requested resource"),
        new Case(405, "MethodNotAllowed",
            "the server does not allow this method on the requested resource"),
        new Case(409, "Conflict", "the server reported a conflict"),
        new Case(422, "Invalid", "the server rejected our request due to an error in our request"),
        new Case(429, "TooManyRequests",
            "the server has received too many requests and has asked us to try again later"))) {
      ApiStatusException e = StatusExceptions.from(c.code(), "<html>proxy</html>");
      assertThat(e.reason()).as("reason for %d", c.code()).isEqualTo(c.reason());
      assertThat(e.getMessage()).as("message for %d", c.code()).isEqualTo(c.message());
      assertThat(e.status().status()).isEqualTo("Failure");
    }
    assertThat(StatusExceptions.from(404, status(0, null, "zero code")).code())
        .as("a Status code of 0 is missing too").isEqualTo(404);
  }
}
