package io.minik8s.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.admission.FakeRegistries;
import io.minik8s.apiserver.auth.authn.RequestAuthenticator;
import io.minik8s.apiserver.auth.authn.ServiceAccountTokens;
import io.minik8s.apiserver.auth.authn.TokenFileAuthenticator;
import io.minik8s.apiserver.auth.authz.Attributes;
import io.minik8s.apiserver.auth.authz.BootstrapPolicy;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.auth.authz.Forbidden;
import io.minik8s.apiserver.auth.authz.RbacAuthorizer;
import io.minik8s.apiserver.auth.review.AccessReviews;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.rbac.ClusterRole;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.PolicyRule;
import io.minik8s.objects.api.rbac.Role;
import io.minik8s.objects.api.rbac.RoleBinding;
import io.minik8s.objects.api.rbac.RoleRef;
import io.minik8s.objects.api.rbac.Subject;
import io.minik8s.objects.meta.ObjectMeta;
import io.minik8s.testkit.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuthTest {

  static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
  static final UserInfo ALICE = new UserInfo("alice", "", List.of("dev", "system:authenticated"));

  static RequestInfo resource(String verb, String group, String resource, String sub,
      String namespace, String name) {
    return new RequestInfo(true, "", verb, group, "v1", namespace, resource, sub, name);
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void tokenFileMapsTokensToUsersAndGroups() {
    TokenFileAuthenticator file = TokenFileAuthenticator.parse("tokens.csv", """
        s3cret,alice,u-1,"dev,ops"

        t0ken,bob,u-2
        """);
    assertThat(file.authenticate("s3cret")).as("token s3cret")
        .contains(new UserInfo("alice", "u-1", List.of("dev", "ops")));
    assertThat(file.authenticate("t0ken")).as("token without groups")
        .contains(new UserInfo("bob", "u-2", List.of()));
    assertThat(file.authenticate("other")).as("unknown token").isEmpty();
  }

  @Test
  @Graded(exercise = "2.5", points = 1)
  void malformedTokenFileNamesTheLine() {
    assertThatThrownBy(() -> TokenFileAuthenticator.parse("tokens.csv", "a,alice,1\nb,bob\n"))
        .isInstanceOf(TokenFileAuthenticator.TokenFileException.class)
        .hasMessage("token file 'tokens.csv' line 2: must have at least 3 columns "
            + "(token, user name, user uid), found 2");
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void serviceAccountTokensVerifyOnlyWhenSignedAndFresh() {
    ManualClock clock = new ManualClock(Instant.parse("2030-01-01T00:00:00Z"));
    ServiceAccountTokens tokens = new ServiceAccountTokens(KEY, clock);
    String token = tokens.issue("team-a", "robot", "uid-7", Duration.ofHours(1));

    assertThat(tokens.authenticate(token)).as("a fresh token").contains(new UserInfo(
        "system:serviceaccount:team-a:robot", "uid-7",
        List.of("system:serviceaccounts", "system:serviceaccounts:team-a")));
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding()
        .encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]),
            StandardCharsets.UTF_8).replace("robot", "admin").getBytes(StandardCharsets.UTF_8))
        + "." + parts[2];
    assertThat(tokens.authenticate(forged)).as("claims changed after signing").isEmpty();
    ServiceAccountTokens otherKey = new ServiceAccountTokens(
        "another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8), clock);
    assertThat(otherKey.authenticate(token)).as("token checked with another key").isEmpty();
    clock.advance(Duration.ofHours(2));
    assertThat(tokens.authenticate(token)).as("token past its exp").isEmpty();
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void requestAuthenticatorAddsTheGroupAndRefusesBadTokens() {
    TokenFileAuthenticator file = TokenFileAuthenticator.parse("t", "s3cret,alice,u-1,dev");
    RequestAuthenticator open = new RequestAuthenticator(List.of(file), true);
    assertThat(open.authenticate("Bearer s3cret")).as("Bearer s3cret")
        .isEqualTo(new UserInfo("alice", "u-1", List.of("dev", "system:authenticated")));
    assertThat(open.authenticate(null)).as("no header, anonymous allowed")
        .isEqualTo(UserInfo.ANONYMOUS);
    assertThatThrownBy(() -> open.authenticate("Bearer wrong"))
        .as("a bad token is 401 even when anonymous is allowed")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
    RequestAuthenticator closed = new RequestAuthenticator(List.of(file), false);
    assertThatThrownBy(() -> closed.authenticate(null)).as("no header, anonymous refused")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(401));
  }

  static Stream<Arguments> rules() {
    PolicyRule pods = PolicyRule.resources(List.of("get", "list"), List.of(""), List.of("pods"));
    PolicyRule status = PolicyRule.resources(List.of("update"), List.of(""),
        List.of("pods/status"));
    PolicyRule named = new PolicyRule(List.of("get"), List.of(""), List.of("configmaps"),
        List.of("app-config"), null, java.util.Map.of());
    PolicyRule all = PolicyRule.resources(List.of("*"), List.of("apps"), List.of("*"));
    PolicyRule urls = PolicyRule.nonResourceURLs(List.of("get"), List.of("/healthz/*"));
    return Stream.of(
        Arguments.of("verb and resource listed", pods, resource("list", "", "pods", "", "a", ""),
            true),
        Arguments.of("verb not listed", pods, resource("delete", "", "pods", "", "a", "x"),
            false),
        Arguments.of("other group", pods, resource("get", "apps", "pods", "", "a", "x"), false),
        Arguments.of("pods does not cover pods/status", pods,
            resource("get", "", "pods", "status", "a", "x"), false),
        Arguments.of("pods/status rule", status,
            resource("update", "", "pods", "status", "a", "x"), true),
        Arguments.of("resourceNames: listed name", named,
            resource("get", "", "configmaps", "", "a", "app-config"), true),
        Arguments.of("resourceNames: other name", named,
            resource("get", "", "configmaps", "", "a", "other"), false),
        Arguments.of("* verbs and resources", all,
            resource("delete", "apps", "deployments", "scale", "a", "web"), true),
        Arguments.of("non-resource prefix", urls, RequestInfo.nonResource("/healthz/etcd", "get"),
            true),
        Arguments.of("non-resource other path", urls, RequestInfo.nonResource("/version", "get"),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  @Graded(exercise = "2.5", points = 3)
  void rbacRuleMatching(String name, PolicyRule rule, RequestInfo request, boolean allowed) {
    FakeRegistries registries = new FakeRegistries().with(
        new ClusterRole(ObjectMeta.named("r"), List.of(rule)),
        new ClusterRoleBinding(ObjectMeta.named("b"), List.of(Subject.user("alice")),
            RoleRef.clusterRole("r")));
    Decision decision = new RbacAuthorizer(registries).authorize(new Attributes(ALICE, request));
    assertThat(decision.allowed()).as("%s: rule %s, request %s", name, rule, request)
        .isEqualTo(allowed);
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void roleBindingsGrantOnlyInTheirNamespaceAndNameTheBindingInTheReason() {
    FakeRegistries registries = new FakeRegistries().with(
        new Role(ObjectMeta.named("team-a", "reader"), List.of(
            PolicyRule.resources(List.of("list"), List.of(""), List.of("pods")))),
        new RoleBinding(ObjectMeta.named("team-a", "devs-read"), List.of(Subject.group("dev")),
            RoleRef.role("reader")));
    RbacAuthorizer rbac = new RbacAuthorizer(registries);
    Decision inA = rbac.authorize(new Attributes(ALICE, resource("list", "", "pods", "", "team-a",
        "")));
    assertThat(inA.allowed()).as("list pods in team-a via group dev").isTrue();
    assertThat(inA.reason()).isEqualTo("RBAC: allowed by RoleBinding \"devs-read/team-a\" of "
        + "Role \"reader\" to Group \"dev\"");
    assertThat(rbac.authorize(new Attributes(ALICE, resource("list", "", "pods", "", "team-b",
        ""))).kind()).as("list pods in team-b").isEqualTo(Decision.Kind.NO_OPINION);
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void forbiddenMessagesAreWordedAsUpstream() {
    assertThat(Forbidden.error(new Attributes(ALICE, resource("list", "", "pods", "", "default",
        "")), "").getMessage()).isEqualTo("pods is forbidden: User \"alice\" cannot list resource"
        + " \"pods\" in API group \"\" in the namespace \"default\"");
    assertThat(Forbidden.message(new Attributes(ALICE, resource("get", "", "nodes", "", "",
        "n1")))).isEqualTo("User \"alice\" cannot get resource \"nodes\" in API group \"\" at"
        + " the cluster scope");
    assertThat(Forbidden.error(new Attributes(ALICE, RequestInfo.nonResource("/foo", "get")), "")
        .getMessage()).isEqualTo("forbidden: User \"alice\" cannot get path \"/foo\"");
  }

  @Test
  @Graded(exercise = "2.5", points = 2)
  void accessReviewAnswersCanI() throws Exception {
    FakeRegistries registries = new FakeRegistries();
    BootstrapPolicy.ensure(registries);
    BootstrapPolicy.ensure(registries); // idempotent
    AccessReviews reviews = new AccessReviews(new RbacAuthorizer(registries));
    ObjectNode body = (ObjectNode) new ObjectMapper().readTree("""
        {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
         "spec":{"resourceAttributes":{"verb":"delete","resource":"nodes"}}}""");
    UserInfo admin = new UserInfo("root", "", List.of("system:masters"));
    assertThat(reviews.review(admin, body).at("/status/allowed").asBoolean())
        .as("system:masters may delete nodes").isTrue();
    assertThat(reviews.review(ALICE, body).at("/status/allowed").asBoolean())
        .as("alice (no bindings) may delete nodes").isFalse();
    assertThat(reviews.review(ALICE, body).path("status").has("allowed"))
        .as("status.allowed is present even when false").isTrue();
  }
}
