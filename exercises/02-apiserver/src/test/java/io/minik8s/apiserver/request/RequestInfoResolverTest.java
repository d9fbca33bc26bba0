package io.minik8s.apiserver.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.minik8s.grader.Graded;
import io.minik8s.apiserver.rest.Query;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Path + method + query → RequestInfo, as upstream's requestinfo.go; one row per case. */
class RequestInfoResolverTest {

  private final RequestInfoResolver resolver = new RequestInfoResolver();

  /** Columns: method, path?query, then verb|group|version|namespace|resource|subresource|name. */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /api/v1/namespaces/ns/pods, list|||ns|pods||",
      "GET, /api/v1/namespaces/ns/pods?watch=true, watch|||ns|pods||",
      "GET, /api/v1/namespaces/ns/pods?watch=1, watch|||ns|pods||",
      "GET, /api/v1/namespaces/ns/pods?watch=false, list|||ns|pods||",
      "GET, /api/v1/pods, list||||pods||",
      "GET, /api/v1/namespaces/ns/pods/web, get|||ns|pods||web",
      "HEAD, /api/v1/namespaces/ns/pods/web, get|||ns|pods||web",
      "POST, /api/v1/namespaces/ns/pods, create|||ns|pods||",
      "PUT, /api/v1/namespaces/ns/pods/web/status, update|||ns|pods|status|web",
      "PATCH, /apis/apps/v1/namespaces/ns/deployments/d/scale, patch|apps||ns|deployments|scale|d",
      "DELETE, /api/v1/namespaces/ns/pods/web, delete|||ns|pods||web",
      "DELETE, /api/v1/namespaces/ns/pods, deletecollection|||ns|pods||",
      "GET, /api/v1/watch/namespaces/ns/pods, watch|||ns|pods||",
      "GET, /api/v1/watch/pods, watch||||pods||",
      "GET, /api/v1/nodes/n1, get||||nodes||n1",
      "GET, /api/v1/namespaces/team-a, get|||team-a|namespaces||team-a",
      "PUT, /api/v1/namespaces/team-a/finalize, update|||team-a|namespaces|finalize|team-a",
      "GET, /api/v1/namespaces, list||||namespaces||",
      "GET, /apis/batch/v1/jobs, list|batch|||jobs||",
      "GET, /api/v1/namespaces/ns/pods?fieldSelector=metadata.name%3Dweb, list|||ns|pods||web",
  })
  @Graded(exercise = "2.2", points = 3)
  void resolvesResourceRequests(String method, String target, String expected) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    Query query = Query.parse(q < 0 ? null : target.substring(q + 1));
    RequestInfo info = resolver.resolve(method, path, query.values());
    String[] e = expected.split("\\|", -1);
    String version = e[2].isEmpty() ? "v1" : e[2];
    assertThat(info)
        .as("%s %s", method, target)
        .isEqualTo(new RequestInfo(true, path, e[0], e[1], version, e[3], e[4], e[5], e[6]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "GET, /version, get",
      "GET, /api, get",
      "GET, /api/v1, get",
      "GET, /apis/apps/v1, get",
      "GET, /healthz, get",
      "POST, /openapi/v3, post",
  })
  @Graded(exercise = "2.2", points = 1)
  void pathsThatNameNoResourceAreNonResourceRequests(String method, String path, String verb) {
    RequestInfo info = resolver.resolve(method, path, java.util.Map.of());
    assertThat(info).as("%s %s", method, path).isEqualTo(RequestInfo.nonResource(path, verb));
  }
}
