package io.minik8s.apiserver.compat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Malformed requests for the fuzz test, drawn from one seeded {@link Random}: every kind of bad
 * input a client can send (bad JSON, truncated bodies, wrong kinds, huge bodies, bad selectors,
 * bad paths, bad resourceVersions and continue tokens, bad patches, bad query values, odd
 * methods). Each request is a small mutation of a valid one, so it reaches deep into the server
 * rather than being turned away at the door.
 */
final class MalformedRequests {

  /**
   * One request. {@code target} is path and query exactly as sent (it may not be a valid URI);
   * {@code body} may be null.
   */
  record FuzzRequest(String category, String method, String target, String contentType, byte[] body) {

    /** For a failure message: method, target, content type and the start of the body. */
    String describe() {
      String text = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return "[" + category + "] " + method + " " + abbreviate(target) + (contentType == null ? "" : " (" + contentType + ")")
          + (body == null ? "" : " body[" + body.length + "]: " + text.replace('\n', ' '));
    }

    private static String abbreviate(String s) {
      return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
    }
  }

  static final String NS = "fuzz";

  private static final String POD = """
      {"apiVersion":"v1","kind":"Pod","metadata":{"name":"NAME","namespace":"fuzz","labels":{"app":"fuzz"}},\
      "spec":{"containers":[{"name":"app","image":"nginx:1.27","ports":[{"containerPort":80}]}]}}""";

  private static final String DEPLOYMENT = """
      {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"NAME","namespace":"fuzz"},\
      "spec":{"replicas":1,"selector":{"matchLabels":{"app":"d"}},"template":{"metadata":{"labels":{"app":"d"}},\
      "spec":{"containers":[{"name":"web","image":"nginx"}]}}}}""";

  private static final String CONFIG_MAP = """
      {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"NAME","namespace":"fuzz"},"data":{"a":"b"}}""";

  private static final String[] COLLECTIONS = {
    "/api/v1/namespaces/fuzz/pods", "/api/v1/namespaces/fuzz/configmaps", "/api/v1/namespaces/fuzz/services",
    "/apis/apps/v1/namespaces/fuzz/deployments", "/api/v1/pods", "/api/v1/namespaces", "/api/v1/nodes",
    "/apis/apps/v1/deployments", "/apis/rbac.authorization.k8s.io/v1/clusterroles",
    "/apis/coordination.k8s.io/v1/namespaces/fuzz/leases", "/apis/batch/v1/namespaces/fuzz/jobs",
  };

  private static final String[] CONTENT_TYPES = {
    "application/json", "application/merge-patch+json", "application/strategic-merge-patch+json",
    "application/json-patch+json", "application/apply-patch+yaml", "application/yaml", "text/plain",
    "application/xml", "application/vnd.kubernetes.protobuf", "application/json; charset=utf-16", "*/*", "", "garbage",
    "application/json;;;", "multipart/form-data; boundary=x",
  };

  private static final String[] BAD_SELECTORS = {
    "a in (", "a in ()", "!!a", "a=b=c", "=", "==", "a notin b", "a,", ",", "a!=", "a=", "in (a)", "a in (b,,c)",
    "a in b)", "a=(b)", "-a=b", "a_=b", "a/b/c=d", "x".repeat(300) + "=v", "k=" + "v".repeat(300), "a==b==c",
    "a>b", "a<", "a gt 1", "a=b,,c=d", "\u00e9=1", "a= b", " =b", "a in (b c)", "!", "a!b", "a(b)=c", "%",
    "a=b)", "(a=b", "a exists", "a,b,", "a=b c=d",
  };

  private static final String[] BAD_FIELD_SELECTORS = {
    "spec.foo=bar", "metadata.uid=1", "metadata.name", "metadata.name==a==b", "a in (b)", "status.phase>1",
    "=", "metadata.name!", "spec.nodeName in (a)", "!metadata.name", "metadata.name=a,", ",", "metadata.labels.x=y",
    "metadata.name=" + "n".repeat(500), "spec.containers[0].image=x",
  };

  private static final String[] BAD_RESOURCE_VERSIONS = {
    "abc", "-1", "99999999999999999999999", "1.5", "0x10", " 1", "1 ", "", "NaN", "1e3", "\u0661", "+5", "--1",
    "9223372036854775808", "-9223372036854775808", "1,2",
  };

  /**
   * Never a valid resourceVersion, for watches: a valid one would start a real watch (a far
   * future one is upstream's 504 "Too large resource version" after a wait).
   */
  private static final String[] INVALID_RESOURCE_VERSIONS = {
    "abc", "-1", "99999999999999999999999", "1.5", "0x10", "NaN", "1e3", "--1", "1,2", "-9223372036854775808",
  };

  private static final String[] BAD_CONTINUE_TOKENS = {
    "garbage", "!!!", "eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ", "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6LTEsInN0YXJ0IjoiIn0",
    "e30", "bnVsbA", "W10", "eyJydiI6ImFiYyJ9", "////", "a", "eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6MSwic3RhcnQiOiIuLi8uLi8ifQ",
    "%%%", "AAAA", "eyJ2Ijoid3JvbmciLCJydiI6MSwic3RhcnQiOiJhIn0",
  };

  private static final String[] BAD_QUERIES = {
    "limit=-1", "limit=abc", "limit=99999999999999999999", "limit=", "timeoutSeconds=abc", "timeoutSeconds=-5",
    // upstream reads any watch value but "0" and "false" as true (Convert_Slice_string_To_bool):
    // these would be real watches, so each carries something that must be refused first
    "watch=maybe&resourceVersion=abc", "watch=&timeoutSeconds=abc", "pretty=x", "dryRun=Foo", "dryRun=All&dryRun=All", "fieldManager=" + "m".repeat(200),
    "fieldManager=", "propagationPolicy=Bad", "gracePeriodSeconds=abc", "gracePeriodSeconds=-10",
    "fieldValidation=Bogus", "force=notabool", "resourceVersionMatch=Bogus", "resourceVersionMatch=Exact",
    "resourceVersionMatch=NotOlderThan&resourceVersion=", "allowWatchBookmarks=sure", "sendInitialEvents=yes",
    "orphanDependents=x", "labelSelector=a&labelSelector=b", "a=%", "%zz=1", "=&=&=", "&&&", "q=\u0000",
    "limit=1&limit=2", "continue=&limit=1", "timeout=forever", "timeout=1y",
  };

  private static final String[] BAD_PATHS = {
    "/api/v2/pods", "/apis/apps/v9/deployments", "/api/v1/namespaces//pods", "/api/v1/namespaces/fuzz/pods/",
    "//api//v1", "/api/v1/namespaces/fuzz/pods/a/b/c/d", "/api/v1/namespaces/fuzz/pods/x/status/extra",
    "/api/v1/namespaces/fuzz/widgets", "/apis/", "/apis/nope", "/apis/nope/v1/things", "/api/v1/namespaces/UPPER/pods",
    "/api/v1/namespaces/fuzz/pods/%2F", "/api/v1/namespaces/fuzz/pods/..", "/api/v1/namespaces/../pods",
    "/api/v1/namespaces/fuzz/pods/x%00y", "/api/v1/namespaces/fuzz/pods/%zz", "/" + "a/".repeat(400),
    "/api/v1/" + "n".repeat(5000), "/api/v1/namespaces/fuzz/pods/x/binding/y", "/api/v1/namespaces/fuzz/pods/x/log",
    "/api/v1/namespaces/fuzz/pods/x/exec", "/api/v1/namespaces/fuzz/pods/x/scale", "/apis/apps/v1/namespaces/fuzz/deployments/x/scale",
    "/api/v1/nodes/x/status", "/api/v1/namespaces/fuzz/configmaps/x/status", "/openapi/v3/apis/nope/v1",
    "/openapi/v3/api/v2", "/version/x", "/healthz/x", "/apis/apps", "/apis/apps/v1/pods", "/api/v1/deployments",
    "/api/v1/watch/namespaces/fuzz/pods", "/api/v1/proxy/x", "/api/v1/namespaces/fuzz/pods/x y",
    "/api/v1/namespaces/fuzz/pods/\u00e9", "/api/v1/namespaces/fuzz/pods?#", "*", "/api/v1/namespaces/fuzz/pods/x/",
  };

  private static final String[] ODD_METHODS = {
    "FOO", "TRACE", "OPTIONS", "HEAD", "PROPFIND", "MKCOL", "get", "Patch", "LINK", "PURGE",
  };

  /** What a mutated path's characters are replaced with: URI delimiters, escapes, plain ones. */
  private static final String PATH_CHARS = "/.%?#;:@&=+$,-_~aZ09 \\";

  private final Random random;
  private final byte[] huge;

  /** @param hugeBodyBytes how big a "huge" body is (a few MB: more than the server accepts) */
  MalformedRequests(long seed, int hugeBodyBytes) {
    this.random = new Random(seed);
    this.huge = hugeBody(hugeBodyBytes);
  }

  /** {@code count} requests; huge bodies are at most {@code maxHuge} of them (they cost time). */
  List<FuzzRequest> generate(int count, int maxHuge) {
    List<FuzzRequest> requests = new ArrayList<>(count);
    int hugeSent = 0;
    List<Supplier<FuzzRequest>> kinds = List.of(
        this::badJson, this::truncatedBody, this::wrongKind, this::wrongTypes, this::badLabelSelector,
        this::badFieldSelector, this::badPath, this::badResourceVersion, this::badContinue, this::badPatch,
        this::badQuery, this::oddMethod, this::badNameOrMetadata, this::badContentType, this::deepNesting);
    while (requests.size() < count) {
      if (hugeSent < maxHuge && random.nextInt(count / Math.max(1, maxHuge)) == 0) {
        requests.add(hugeBodyRequest());
        hugeSent++;
      } else {
        requests.add(pick(kinds).get());
      }
    }
    return requests;
  }

  // ---- bodies

  private FuzzRequest badJson() {
    String[] bodies = {
      "", "{", "}", "[", "null", "42", "\"pod\"", "true", "{\"kind\":", "{'kind':'Pod'}", "{kind: Pod}",
      "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",}", "{\"a\":1}{\"b\":2}", "\u0000\u0001\u0002", "\ufeff{}",
      "{\"metadata\":{\"name\":\"x\"}} trailing", "{\"a\":\"\\u00\"}", "{\"a\":01}", "{\"a\":NaN}",
      "{\"a\":1e99999}", "{\"metadata\":{\"name\":\"x\",\"name\":\"y\"}}", "[{}]", randomAscii(1 + random.nextInt(200)),
    };
    return new FuzzRequest("bad JSON", pick("POST", "PUT", "PATCH"), collection() + maybeName(),
        "application/json", utf8(pick(bodies)));
  }

  private FuzzRequest truncatedBody() {
    String valid = validObject(name());
    return new FuzzRequest("truncated body", pick("POST", "PUT"), collection() + maybeName(), "application/json",
        utf8(valid.substring(0, random.nextInt(valid.length()))));
  }

  private FuzzRequest wrongKind() {
    String body = validObject(name());
    String[][] swaps = {
      {"\"kind\":\"Pod\"", "\"kind\":\"Deployment\""}, {"\"kind\":\"Deployment\"", "\"kind\":\"Pod\""},
      {"\"apiVersion\":\"v1\"", "\"apiVersion\":\"v2\""}, {"\"apiVersion\":\"v1\"", "\"apiVersion\":\"apps/v1\""},
      {"\"apiVersion\":\"apps/v1\"", "\"apiVersion\":\"v1\""}, {"\"kind\":\"ConfigMap\"", "\"kind\":\"Secretish\""},
      {"\"kind\":\"Pod\",", ""}, {"\"apiVersion\":\"v1\",", ""}, {"\"kind\":\"Pod\"", "\"kind\":\"\""},
      {"\"apiVersion\":\"apps/v1\"", "\"apiVersion\":\"apps/v1/extra\""}, {"\"kind\":\"ConfigMap\"", "\"kind\":\"Status\""},
      {"\"kind\":\"Pod\"", "\"kind\":\"List\""}, {"\"apiVersion\":\"v1\"", "\"apiVersion\":\"/\""},
    };
    String[] swap = pick(swaps);
    return new FuzzRequest("wrong kind/apiVersion", pick("POST", "PUT"), collection() + maybeName(),
        "application/json", utf8(body.replace(swap[0], swap[1])));
  }

  /** Right shape, wrong JSON types: metadata a number, containers an object, replicas a string... */
  private FuzzRequest wrongTypes() {
    String body = validObject(name());
    String[][] swaps = {
      {"\"metadata\":{", "\"metadata\":5,\"x\":{"}, {"\"containers\":[", "\"containers\":{\"a\":["},
      {"\"replicas\":1", "\"replicas\":\"one\""}, {"\"replicas\":1", "\"replicas\":-5"},
      {"\"replicas\":1", "\"replicas\":1e40"}, {"\"labels\":{\"app\":\"fuzz\"}", "\"labels\":[\"app\"]"},
      {"\"labels\":{\"app\":\"fuzz\"}", "\"labels\":{\"app\":5}"}, {"\"labels\":{\"app\":\"fuzz\"}", "\"labels\":{\"-bad-\":\"x y\"}"},
      {"\"containerPort\":80", "\"containerPort\":\"eighty\""}, {"\"containerPort\":80", "\"containerPort\":70000"},
      {"\"data\":{\"a\":\"b\"}", "\"data\":{\"a\":{\"b\":1}}"}, {"\"data\":{\"a\":\"b\"}", "\"data\":[1,2]"},
      {"\"spec\":{", "\"spec\":null,\"x\":{"}, {"\"spec\":{", "\"spec\":[],\"x\":{"}, {"\"image\":\"nginx", "\"image\":[\"nginx"},
      {"\"namespace\":\"fuzz\"", "\"namespace\":7"}, {"\"namespace\":\"fuzz\"", "\"namespace\":\"other\""},
      {"\"metadata\":{", "\"metadata\":{\"resourceVersion\":\"abc\",\"uid\":5,\"creationTimestamp\":\"yesterday\","},
      {"\"metadata\":{", "\"metadata\":{\"finalizers\":\"x\",\"ownerReferences\":{},"},
      {"\"metadata\":{", "\"metadata\":{\"managedFields\":[{\"manager\":5,\"fieldsV1\":\"x\"}],"},
      {"\"metadata\":{", "\"metadata\":{\"deletionGracePeriodSeconds\":\"x\",\"generation\":\"g\","},
    };
    String[] swap = pick(swaps);
    return new FuzzRequest("wrong types", pick("POST", "PUT"), collection() + maybeName(), "application/json",
        utf8(body.replace(swap[0], swap[1])));
  }

  private FuzzRequest badNameOrMetadata() {
    String[] names = {
      "", "UPPER", "-lead", "trail-", "a".repeat(300), "a_b", "a b", "a/b", "..", ".", "\u00e9", "a:b", "x%2Fy",
    };
    String n = pick(names);
    String body = validObject("placeholder").replace("\"name\":\"placeholder\"", random.nextBoolean()
        ? "\"name\":\"" + n.replace("\"", "") + "\"" : "\"generateName\":\"" + n + "\"");
    return new FuzzRequest("bad name", pick("POST", "PUT"), collection() + (random.nextBoolean() ? "/placeholder" : ""),
        "application/json", utf8(body));
  }

  private FuzzRequest deepNesting() {
    int depth = 500 + random.nextInt(5000);
    String body = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"deep\",\"annotations\":"
        + "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2) + "}}";
    return new FuzzRequest("deep nesting", pick("POST", "PATCH"), "/api/v1/namespaces/fuzz/configmaps"
        + (random.nextBoolean() ? "/deep" : ""), pick("application/json", "application/merge-patch+json"), utf8(body));
  }

  private FuzzRequest hugeBodyRequest() {
    return new FuzzRequest("huge body", pick("POST", "PUT", "PATCH"), "/api/v1/namespaces/fuzz/configmaps"
        + (random.nextBoolean() ? "/huge" : ""), pick("application/json", "application/merge-patch+json"), huge);
  }

  // ---- query and path

  private FuzzRequest badLabelSelector() {
    return get("bad label selector", collection(), "labelSelector=" + encodeMaybe(pick(BAD_SELECTORS)));
  }

  private FuzzRequest badFieldSelector() {
    return get("bad field selector", collection(), "fieldSelector=" + encodeMaybe(pick(BAD_FIELD_SELECTORS)));
  }

  private FuzzRequest badResourceVersion() {
    String rv = encodeMaybe(pick(BAD_RESOURCE_VERSIONS));
    String query = switch (random.nextInt(4)) {
      case 0 -> "resourceVersion=" + rv;
      case 1 -> "watch=true&timeoutSeconds=1&resourceVersion=" + encodeMaybe(pick(INVALID_RESOURCE_VERSIONS));
      case 2 -> "resourceVersion=" + rv + "&resourceVersionMatch=" + pick("Exact", "NotOlderThan", "Bogus");
      default -> "limit=5&resourceVersion=" + rv;
    };
    if (random.nextInt(4) == 0) {
      String body = validObject("rv-" + random.nextInt(50)).replace("\"metadata\":{",
          "\"metadata\":{\"resourceVersion\":\"" + pick(BAD_RESOURCE_VERSIONS).replace("\"", "") + "\",");
      return new FuzzRequest("bad resourceVersion in body", "PUT", collection() + "/" + "rv-" + random.nextInt(50),
          "application/json", utf8(body));
    }
    return get("bad resourceVersion", collection() + (random.nextInt(3) == 0 ? "/" + name() : ""), query);
  }

  private FuzzRequest badContinue() {
    return get("bad continue token", collection(), "limit=" + (1 + random.nextInt(3)) + "&continue=" + encodeMaybe(pick(BAD_CONTINUE_TOKENS)));
  }

  private FuzzRequest badQuery() {
    String method = pick("GET", "GET", "DELETE", "POST", "PATCH");
    byte[] body = method.equals("POST") ? utf8(validObject(name()))
        : method.equals("PATCH") ? utf8("{\"metadata\":{\"labels\":{\"q\":\"1\"}}}") : null;
    String type = body == null ? null : method.equals("PATCH") ? "application/merge-patch+json" : "application/json";
    String target = collection() + (method.equals("POST") || method.equals("GET") && random.nextBoolean() ? "" : "/" + name());
    return new FuzzRequest("bad query value", method, target + "?" + pick(BAD_QUERIES), type, body);
  }

  private FuzzRequest badPath() {
    String path = random.nextInt(4) == 0 ? mutatePath(collection()) : pick(BAD_PATHS);
    String method = pick("GET", "POST", "PUT", "DELETE", "PATCH");
    if (method.equals("GET") && path.contains("/watch/")) {
      // GET on the legacy /watch/ prefix is a real watch; only its other methods are wrong
      path += "?resourceVersion=abc";
    }
    byte[] body = method.equals("GET") || method.equals("DELETE") ? null : utf8(validObject(name()));
    return new FuzzRequest("bad path", method, path, body == null ? null : "application/json", body);
  }

  private FuzzRequest oddMethod() {
    String target = pick("/api/v1", "/version", "/apis", collection(), collection() + "/" + name(), "/healthz", "/openapi/v3");
    String method = random.nextBoolean() ? pick(ODD_METHODS) : pick("PUT", "DELETE", "POST", "PATCH");
    byte[] body = random.nextBoolean() ? utf8(validObject(name())) : null;
    return new FuzzRequest("odd method", method, target, body == null ? null : "application/json", body);
  }

  // ---- patches

  private FuzzRequest badPatch() {
    String type = pick("application/json-patch+json", "application/merge-patch+json",
        "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    String[] bodies = switch (type) {
      case "application/json-patch+json" -> new String[] {
        "{}", "[{}]", "[{\"op\":\"explode\",\"path\":\"/a\"}]", "[{\"op\":\"add\"}]", "[{\"op\":\"add\",\"path\":\"a\",\"value\":1}]",
        "[{\"op\":\"remove\",\"path\":\"/metadata/nope/deeper\"}]", "[{\"op\":\"test\",\"path\":\"/metadata/name\",\"value\":\"other\"}]",
        "[{\"op\":\"move\",\"from\":\"/nope\",\"path\":\"/x\"}]", "[{\"op\":\"replace\",\"path\":\"/spec/containers/99\",\"value\":{}}]",
        "[{\"op\":\"add\",\"path\":\"/spec/containers/-1\",\"value\":{}}]", "[{\"op\":\"copy\",\"from\":\"/metadata\",\"path\":\"/metadata/x\"}]",
        "[{\"op\":\"replace\",\"path\":\"/kind\",\"value\":\"Service\"}]", "[{\"op\":\"replace\",\"path\":\"/metadata/name\",\"value\":\"renamed\"}]",
        "[{\"op\":\"add\",\"path\":\"/metadata/labels/~2\",\"value\":\"x\"}]", "[{\"op\":\"remove\",\"path\":\"\"}]",
        "[{\"op\":\"replace\",\"path\":\"\",\"value\":42}]", "[1,2,3]", "[{\"op\":\"add\",\"path\":\"/spec/containers/abc\",\"value\":1}]",
      };
      case "application/merge-patch+json" -> new String[] {
        "[]", "42", "\"x\"", "{\"metadata\":5}", "{\"spec\":{\"containers\":5}}", "{\"kind\":\"Service\"}",
        "{\"apiVersion\":\"v9\"}", "{\"metadata\":{\"name\":\"other\"}}", "{\"metadata\":{\"resourceVersion\":\"1\"}}",
        "{\"metadata\":{\"uid\":\"changed\"}}", "{", "{\"spec\":{\"replicas\":\"many\"}}",
      };
      case "application/strategic-merge-patch+json" -> new String[] {
        "{\"$patch\":\"delete\"}", "{\"$patch\":\"explode\"}", "{\"spec\":{\"containers\":[{\"$patch\":\"delete\"}]}}",
        "{\"spec\":{\"containers\":[{\"image\":\"no-name\"}]}}", "{\"spec\":{\"$setElementOrder/containers\":[5]}}",
        "{\"spec\":{\"$retainKeys\":\"x\"}}", "{\"spec\":{\"containers\":{\"name\":\"x\"}}}", "{\"$deleteFromPrimitiveList/finalizers\":5}",
        "{\"metadata\":{\"labels\":{\"$patch\":\"replace\",\"a\":5}}}", "[]", "null", "{\"spec\":{\"containers\":[{\"name\":5}]}}",
      };
      default -> new String[] {
        "{", ": : :", "apiVersion: v1\nkind: [", "- a\n- b", "kind: Pod", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: other",
        "apiVersion: v9\nkind: Pod\nmetadata:\n  name: NAME", "apiVersion: v1\nkind: Pod\nmetadata: 5", "\t\tbad: indent",
        "&a [*a, *a]", "!!binary AAAA", "a: &x\n  b: *x\nc: *y",
      };
    };
    String resource = pick("/api/v1/namespaces/fuzz/pods/", "/api/v1/namespaces/fuzz/configmaps/", "/apis/apps/v1/namespaces/fuzz/deployments/");
    String name = random.nextInt(3) == 0 ? "missing-" + random.nextInt(1000) : "p" + random.nextInt(20);
    String query = type.equals("application/apply-patch+yaml") && random.nextBoolean() ? "?fieldManager=fuzz"
        : random.nextInt(5) == 0 ? "?force=true" : "";
    return new FuzzRequest("bad patch", "PATCH", resource + name + query, type, utf8(pick(bodies).replace("NAME", name)));
  }

  private FuzzRequest badContentType() {
    String method = pick("POST", "PUT", "PATCH");
    return new FuzzRequest("bad content type", method, collection() + (method.equals("POST") ? "" : "/" + name()),
        pick(CONTENT_TYPES), utf8(validObject(name())));
  }

  // ---- helpers

  private FuzzRequest get(String category, String path, String query) {
    return new FuzzRequest(category, "GET", path + "?" + query, null, null);
  }

  /** A valid Pod, Deployment or ConfigMap named {@code name} in namespace fuzz. */
  private String validObject(String name) {
    return pick(POD, DEPLOYMENT, CONFIG_MAP).replace("NAME", name);
  }

  private String collection() {
    return pick(COLLECTIONS);
  }

  private String maybeName() {
    return random.nextBoolean() ? "" : "/" + name();
  }

  private String name() {
    return "p" + random.nextInt(20);
  }

  private String mutatePath(String path) {
    char[] chars = path.toCharArray();
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      chars[random.nextInt(chars.length)] = PATH_CHARS.charAt(random.nextInt(PATH_CHARS.length()));
    }
    String mutated = new String(chars);
    return mutated.startsWith("/") ? mutated : "/" + mutated;
  }

  /** Percent-encodes {@code s} half of the time; the other half it goes raw (maybe an invalid URI). */
  private String encodeMaybe(String s) {
    return random.nextBoolean() ? java.net.URLEncoder.encode(s, StandardCharsets.UTF_8) : s;
  }

  private String randomAscii(int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) (32 + random.nextInt(95)));
    }
    return b.toString();
  }

  @SafeVarargs
  private <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  private <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A ConfigMap whose one value makes the body {@code bytes} long: valid JSON, too big to accept. */
  private static byte[] hugeBody(int bytes) {
    String head = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"huge\"},\"data\":{\"a\":\"";
    String tail = "\"}}";
    byte[] body = new byte[Math.max(bytes, head.length() + tail.length())];
    Arrays.fill(body, (byte) 'x');
    System.arraycopy(utf8(head), 0, body, 0, head.length());
    System.arraycopy(utf8(tail), 0, body, body.length - tail.length(), tail.length());
    return body;
  }
}
