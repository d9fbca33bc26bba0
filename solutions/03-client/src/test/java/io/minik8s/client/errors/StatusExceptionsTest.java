package io.minik8s.client.errors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.client.config.ClientConfig;
import io.minik8s.client.rest.RestKubeClient;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.Pod;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A failed answer becomes the exception that names its reason. */
class StatusExceptionsTest {

  static String status(int code, String reason, String message) {
    return """
        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
         "message":"%s","reason":"%s","code":%d}""".formatted(message, reason, code);
  }

  static Stream<Arguments> byReason() {
    return Stream.of(
        Arguments.of("NotFound", 404, NotFoundException.class),
        Arguments.of("AlreadyExists", 409, AlreadyExistsException.class),
        Arguments.of("Conflict", 409, ConflictException.class),
        Arguments.of("Forbidden", 403, ForbiddenException.class),
        Arguments.of("Unauthorized", 401, UnauthorizedException.class),
        Arguments.of("Expired", 410, GoneException.class),
        Arguments.of("Gone", 410, GoneException.class),
        Arguments.of("Invalid", 422, InvalidException.class),
        Arguments.of("BadRequest", 400, BadRequestException.class),
        Arguments.of("TooManyRequests", 429, TooManyRequestsException.class),
        Arguments.of("MethodNotAllowed", 405, MethodNotAllowedException.class));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("byReason")
  @Graded(exercise = "3.1", points = 1)
  void aStatusBodyIsMappedByItsReason(String reason, int code,
      Class<? extends ApiStatusException> expected) {
    ApiStatusException e = StatusExceptions.from(code, status(code, reason, "what happened"));
    assertThat(e).as("a %d Status with reason %s", code, reason).isExactlyInstanceOf(expected);
    assertThat(e.getMessage()).as("the exception's message is the Status message")
        .isEqualTo("what happened");
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.code()).isEqualTo(code);
  }

  static Stream<Arguments> byCode() {
    return Stream.of(
        Arguments.of(404, "text/plain", "404 page not found", NotFoundException.class,
            "NotFound"),
        Arguments.of(403, "text/plain", "nope, not you", ForbiddenException.class, "Forbidden"),
        Arguments.of(401, "text/html", "<html>login</html>", UnauthorizedException.class,
            "Unauthorized"),
        Arguments.of(410, "text/plain", "", GoneException.class, "Unknown"),
        Arguments.of(409, "application/json", "{\"not\":\"a status\"}", ConflictException.class,
            "Conflict"),
        Arguments.of(429, "text/plain", "slow down", TooManyRequestsException.class,
            "TooManyRequests"),
        Arguments.of(502, "text/html", "<h1>Bad Gateway</h1>", ApiStatusException.class,
            "InternalError"));
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("byCode")
  @Graded(exercise = "3.1", points = 1)
  void anAnswerThatIsNotAStatusIsMappedByItsCode(int code, String contentType, String body,
      Class<? extends ApiStatusException> expected, String reason) {
    ApiStatusException e = StatusExceptions.from(code, body);
    assertThat(e).as("%d with body %s", code, body).isExactlyInstanceOf(expected);
    assertThat(e.code()).as("the code comes from the answer").isEqualTo(code);
    assertThat(e.reason()).as("the reason follows the code (NewGenericServerResponse)")
        .isEqualTo(reason);
    if (!body.isEmpty()) {
      assertThat(e.status().details().causes()).as("the body is kept as a cause")
          .anySatisfy(c -> {
            assertThat(c.reason()).isEqualTo(StatusExceptions.UNEXPECTED_SERVER_RESPONSE);
            assertThat(c.message()).isEqualTo(body);
          });
    }
  }

  static StubServer stub;

  @BeforeAll
  static void startStub() {
    stub = new StubServer();
  }

  @AfterAll
  static void stopStub() {
    stub.close();
  }

  @Test
  @Graded(exercise = "3.1", points = 1)
  void theClientThrowsTheMappedExceptionForEachVerb() {
    RestKubeClient client = new RestKubeClient(ClientConfig.of(stub.url(), "t0ken"));
    stub.answer(404, "application/json",
        status(404, "NotFound", "pods \\\"web\\\" not found"));
    assertThatThrownBy(() -> client.resource(Pod.class).get("default", "web"))
        .isInstanceOf(NotFoundException.class).hasMessage("pods \"web\" not found");

    stub.answer(503, "text/plain", "upstream connect error");
    assertThatThrownBy(() -> client.resource(Pod.class).list("default", null))
        .isExactlyInstanceOf(ApiStatusException.class)
        .hasMessageContaining("upstream connect error")
        .satisfies(e -> assertThat(((ApiStatusException) e).code()).isEqualTo(503));

    StubServer.Request last = stub.requests.get(stub.requests.size() - 1);
    assertThat(last.authorization()).as("Authorization header").isEqualTo("Bearer t0ken");
    assertThat(last.accept()).as("Accept header").isEqualTo("application/json");
    assertThat(last.userAgent()).as("User-Agent header").isEqualTo("minik8s-client");
  }
}
