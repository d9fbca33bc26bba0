package io.minik8s.apiserver.admission;

import static io.minik8s.apiserver.admission.Admissions.create;
import static io.minik8s.apiserver.admission.Admissions.object;
import static io.minik8s.apiserver.admission.Admissions.type;
import static io.minik8s.apiserver.admission.Admissions.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minik8s.apiserver.errors.ApiException;
import io.minik8s.apiserver.object.Unstructured;
import io.minik8s.grader.Graded;
import io.minik8s.objects.api.core.ResourceQuota;
import io.minik8s.objects.api.core.ResourceQuotaSpec;
import io.minik8s.objects.meta.ObjectMeta;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionHiddenTest {

  static Unstructured pod(String name, String resources) {
    return object("""
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: ns}
        spec:
          containers:
          - {name: web, image: nginx, resources: %s}
        """.formatted(name, resources));
  }

  @Test
  @Graded(exercise = "2.4", points = 2, hint = "A quota on requests.cpu refuses a pod that"
      + " states no cpu request, with upstream's 'failed quota: <name>: must specify ...'.")
  void quotaRequiresTheConstrainedRequest() {
    FakeRegistries registries = new FakeRegistries().with(new ResourceQuota(
        ObjectMeta.named("ns", "q"), new ResourceQuotaSpec(Map.of("requests.cpu", "2"))));
    assertThatThrownBy(() -> new ResourceQuotaAdmission(registries)
        .validate(create(type("", "pods"), pod("p", "{}"))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
            .isEqualTo("pods \"p\" is forbidden: failed quota: q: must specify requests.cpu"));
  }

  @Test
  @Graded(exercise = "2.4", points = 2, hint = "Limits without requests: requests default to"
      + " the limits; and finished pods (Succeeded/Failed) do not count against a quota.")
  void limitsBecomeRequestsAndFinishedPodsDoNotCount() {
    Unstructured limited = pod("p", "{limits: {cpu: 250m}}");
    new PodDefaults().admit(create(type("", "pods"), limited));
    assertThat(limited.json().at("/spec/containers/0/resources/requests/cpu").asText())
        .as("requests.cpu defaulted from limits").isEqualTo("250m");

    FakeRegistries registries = new FakeRegistries().with(new ResourceQuota(
        ObjectMeta.named("ns", "q"), new ResourceQuotaSpec(Map.of("pods", "1"))));
    Unstructured done = pod("done", "{}");
    done.json().putObject("status").put("phase", "Succeeded");
    registries.with(type("", "pods"), done);
    new ResourceQuotaAdmission(registries).validate(create(type("", "pods"), pod("p", "{}")));
  }

  @Test
  @Graded(exercise = "2.4", points = 2, hint = "On UPDATE a Service keeps its ClusterIP when"
      + " the new object leaves it out; changing it is 'field is immutable'.")
  void serviceUpdateKeepsClusterIp() {
    Unstructured old = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: ns}
        spec: {clusterIP: 10.96.0.20, ports: [{port: 80}]}
        """);
    FakeRegistries registries = new FakeRegistries().with(type("", "services"), old);
    Unstructured sent = object("""
        apiVersion: v1
        kind: Service
        metadata: {name: s, namespace: ns}
        spec: {ports: [{port: 80}]}
        """);
    new ServiceIpAllocation(registries, AdmissionConfig.defaults())
        .admit(update(type("", "services"), sent, old));
    assertThat(sent.at("spec.clusterIP").asText()).as("ClusterIP after an update without one")
        .isEqualTo("10.96.0.20");
    Unstructured changed = sent.deepCopy();
    changed.json().with("spec").put("clusterIP", "10.96.0.21");
    assertThatThrownBy(() -> new ImmutableFields().validate(update(type("", "services"), changed,
        old))).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
        .isEqualTo("Service \"s\" is invalid: spec.clusterIP: Invalid value: \"10.96.0.21\":"
            + " field is immutable"));
  }

  @Test
  @Graded(exercise = "2.4", points = 1, hint = "Tolerations may be added to a running pod, but"
      + " not removed.")
  void tolerationsMayOnlyBeAdded() {
    Unstructured old = pod("p", "{}");
    old.json().with("spec").putArray("tolerations").addObject().put("key", "a");
    Unstructured added = old.deepCopy();
    added.json().with("spec").withArray("tolerations").addObject().put("key", "b");
    new ImmutableFields().validate(update(type("", "pods"), added, old));
    assertThatThrownBy(() -> new ImmutableFields().validate(update(type("", "pods"), old, added)))
        .as("removing a toleration").isInstanceOf(ApiException.class);
  }
}
