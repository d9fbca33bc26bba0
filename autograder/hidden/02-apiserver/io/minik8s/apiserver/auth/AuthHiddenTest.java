package io.minik8s.apiserver.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.minik8s.apiserver.admission.FakeRegistries;
import io.minik8s.apiserver.auth.authn.TokenFileAuthenticator;
import io.minik8s.apiserver.auth.authz.Attributes;
import io.minik8s.apiserver.auth.authz.BootstrapPolicy;
import io.minik8s.apiserver.auth.authz.Decision;
import io.minik8s.apiserver.auth.authz.RbacAuthorizer;
import io.minik8s.apiserver.auth.review.AccessReviews;
import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.request.RequestInfo;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.rbac.ClusterRoleBinding;
import io.minik8s.objects.api.rbac.RoleBinding;
import io.minik8s.objects.api.rbac.RoleRef;
import io.minik8s.objects.api.rbac.Subject;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthHiddenTest {

  static final UserInfo ROBOT = new UserInfo("system:serviceaccount:team-a:robot", "",
      List.of("system:serviceaccounts", "system:serviceaccounts:team-a", "system:authenticated"));

  static RequestInfo pods(String verb, String namespace) {
    return new RequestInfo(true, "", verb, "", "v1", namespace, "pods", "", "");
  }

  @Test
  @Graded(exercise = "2.5", points = 2, hint = "A ServiceAccount subject without a namespace in"
      + " a RoleBinding means the binding's namespace; the user is system:serviceaccount:ns:name.")
  void serviceAccountSubjectsDefaultToTheBindingNamespace() {
    FakeRegistries registries = new FakeRegistries();
    BootstrapPolicy.ensure(registries);
    registries.with(new RoleBinding(ObjectMeta.named("team-a", "robot-view"),
        List.of(new Subject("ServiceAccount", "", "robot", null, java.util.Map.of())),
        RoleRef.clusterRole("view")));
    RbacAuthorizer rbac = new RbacAuthorizer(registries);
    Decision decision = rbac.authorize(new Attributes(ROBOT, pods("list", "team-a")));
    assertThat(decision.allowed()).as("robot lists pods in team-a via ClusterRole view").isTrue();
    assertThat(decision.reason()).isEqualTo("RBAC: allowed by RoleBinding \"robot-view/team-a\""
        + " of ClusterRole \"view\" to ServiceAccount \"robot/team-a\"");
    assertThat(rbac.authorize(new Attributes(ROBOT, pods("delete", "team-a"))).allowed())
        .as("view does not allow delete").isFalse();
  }

  @Test
  @Graded(exercise = "2.5", points = 2, hint = "A binding to a role that does not exist grants"
      + " nothing; RBAC says no opinion and names the missing role in its reason.")
  void missingRoleIsReportedInTheReason() {
    FakeRegistries registries = new FakeRegistries().with(new ClusterRoleBinding(
        ObjectMeta.named("b"), List.of(Subject.user("alice")), RoleRef.clusterRole("ghost")));
    Decision decision = new RbacAuthorizer(registries).authorize(new Attributes(
        new UserInfo("alice", "", List.of()), pods("get", "x")));
    assertThat(decision.kind()).isEqualTo(Decision.Kind.NO_OPINION);
    assertThat(decision.reason())
        .isEqualTo("RBAC: clusterrole.rbac.authorization.k8s.io \"ghost\" not found");
  }

  @Test
  @Graded(exercise = "2.5", points = 2, hint = "Every authenticated user may GET discovery"
      + " paths such as /api and /apis/... through the bootstrap system:discovery role.")
  void discoveryIsOpenToAuthenticatedUsers() throws Exception {
    FakeRegistries registries = new FakeRegistries();
    BootstrapPolicy.ensure(registries);
    AccessReviews reviews = new AccessReviews(new RbacAuthorizer(registries));
    ObjectNode body = (ObjectNode) new ObjectMapper().readTree(
        "{\"spec\":{\"nonResourceAttributes\":{\"path\":\"/apis/apps/v1\",\"verb\":\"get\"}}}");
    assertThat(reviews.review(ROBOT, body).at("/status/allowed").asBoolean())
        .as("GET /apis/apps/v1 by an authenticated user").isTrue();
    assertThatThrownBy(() -> reviews.review(ROBOT, (ObjectNode) new ObjectMapper()
        .readTree("{\"spec\":{}}"))).as("a review with neither attribute kind")
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(422));
  }

  @Test
  @Graded(exercise = "2.5", points = 1, hint = "Quoted CSV fields may contain commas; an"
      + " unclosed quote is an error naming the line.")
  void tokenFileQuotesAndErrors() {
    assertThat(TokenFileAuthenticator.parse("f", "\"to,ken\",carol,u3,\"a,b\"")
        .authenticate("to,ken")).contains(new UserInfo("carol", "u3", List.of("a", "b")));
    assertThatThrownBy(() -> TokenFileAuthenticator.parse("f", "x,y,z\n\"open,bob,u"))
        .isInstanceOf(TokenFileAuthenticator.TokenFileException.class)
        .hasMessageStartingWith("token file 'f' line 2:");
  }
}
