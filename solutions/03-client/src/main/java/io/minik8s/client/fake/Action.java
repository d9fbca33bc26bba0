package io.minik8s.client.fake;

import io.minik8s.objects.meta.KubeObject;

/**
 * One request a {@link FakeKubeClient} received, as client-go's {@code testing.Action}: tests
 * assert on what a controller asked for ("one create of pods", "no update of replicasets").
 *
 * @param verb {@code get}, {@code list}, {@code watch}, {@code create}, {@code update},
 *     {@code patch} or {@code delete}
 * @param resource the plural ({@code pods}); a status write is {@code update} of
 *     {@code pods/status}
 * @param namespace the namespace the request named (the client's default for a create without
 *     one); null for a cluster-scoped kind or a list/watch across all namespaces
 * @param name the object's name; null for list, watch, and a create with {@code generateName}
 * @param object for create, update and a status update, the object as sent; for patch, the object
 *     after the patch was applied; null otherwise
 */
public record Action(String verb, String resource, String namespace, String name, KubeObject object) {

  /** Whether this action has this verb and resource; {@code "*"} matches any. */
  public boolean matches(String verb, String resource) {
    return ("*".equals(verb) || this.verb.equals(verb))
        && ("*".equals(resource) || this.resource.equals(resource));
  }

  @Override
  public String toString() {
    return verb + " " + resource
        + (name == null ? "" : " " + (namespace == null ? "" : namespace + "/") + name);
  }
}
