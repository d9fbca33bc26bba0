package io.minik8s.controllers.garbagecollector;

import io.minik8s.objects.meta.KubeObject;
import io.minik8s.objects.meta.OwnerReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns whom, by uid, built from the informers of every kind that carries
 * {@code ownerReferences}. Each observed object is a node with its owner references; each owner
 * knows its dependents, even an owner not observed (yet, or of a kind not watched): such a
 * "virtual" node has dependents but no identity.
 *
 * <pre>
 *   observe(rs  uid=r, owners [deploy d])      d (virtual) -> { r }    look at r: is d there?
 *   observe(pod uid=p, owners [rs r])          d -> { r },  r -> { p }  r observed: nothing
 *   forget(rs r)                               r becomes virtual: p still points at it; the
 *                                              collector is told to look at p (its owner went)
 * </pre>
 *
 * <p>{@link #observe} and {@link #forget} return the uids the collector should look at because
 * of the change; deciding what to do with them is the collector's job. Thread-safe: informer
 * threads write, workers read; every method holds the graph's lock.
 *
 * <p>Upstream: {@code GraphBuilder.processGraphChanges} in
 * pkg/controller/garbagecollector/graph_builder.go and {@code node} in graph.go (upstream keeps
 * the graph single-writer through a queue of events; a lock does the same job here).
 */
public final class DependencyGraph {

  /** Finalizer asking the collector to delete an owner's dependents first (Foreground). */
  public static final String FOREGROUND = "foregroundDeletion";
  /** Finalizer asking the collector to release an owner's dependents first (Orphan). */
  public static final String ORPHAN = "orphan";

  /** One object, observed or only referenced. */
  private static final class Node {
    /** Null while virtual: known only as the owner named in someone's ownerReferences. */
    ObjectIdentity identity;
    List<OwnerReference> owners = List.of();
    /** Uids of the nodes whose ownerReferences name this one. */
    final Set<String> dependents = new LinkedHashSet<>();
    boolean beingDeleted;
    boolean deletingDependents;
  }

  /** Guarded by {@code this}. */
  private final Map<String, Node> nodes = new HashMap<>();

  /** A snapshot of one node, as workers see it. */
  public record Entry(
      ObjectIdentity identity,
      List<OwnerReference> owners,
      List<String> dependents,
      boolean beingDeleted,
      boolean deletingDependents) {

    public boolean isVirtual() {
      return identity == null;
    }
  }

  /**
   * Records an added or updated object.
   *
   * @return the uids to look at: the object itself when it is new or its owners changed and
   *     some owner was never observed (is it still there?), or when it is being deleted with one
   *     of the collector's finalizers;
   *     and any former owner waiting for its dependents to go (this one no longer blocks it)
   */
  public synchronized List<String> observe(KubeObject object) {
    String uid = object.metadata().uid();
    Node node = nodes.computeIfAbsent(uid, u -> new Node());
    boolean isNew = node.identity == null;
    List<OwnerReference> before = node.owners;
    List<OwnerReference> after = object.metadata().ownerReferences();
    node.identity = ObjectIdentity.of(object);
    node.owners = List.copyOf(after);
    List<String> finalizers = object.metadata().finalizers();
    node.beingDeleted = object.metadata().deletionTimestamp() != null;
    node.deletingDependents = node.beingDeleted && finalizers.contains(FOREGROUND);

    Set<String> toProcess = new LinkedHashSet<>();
    Set<String> ownersBefore = uids(before);
    Set<String> ownersAfter = uids(after);
    for (String owner : ownersBefore) {
      if (!ownersAfter.contains(owner)) {
        Node ownerNode = nodes.get(owner);
        if (ownerNode != null) {
          ownerNode.dependents.remove(uid);
          if (ownerNode.deletingDependents) {
            toProcess.add(owner);
          }
          dropIfUnused(owner, ownerNode);
        }
      }
    }
    for (String owner : ownersAfter) {
      nodes.computeIfAbsent(owner, u -> new Node()).dependents.add(uid);
    }
    // An owner observed under this very uid is alive as far as the informers know, and its
    // deletion will bring this object back here (forget). Only an owner not observed (yet) needs
    // a look: that is where a dependent of an owner deleted while nobody watched is found.
    boolean ownerUnseen =
        ownersAfter.stream().anyMatch(owner -> nodes.get(owner).identity == null);
    if ((isNew || !ownersBefore.equals(ownersAfter)) && ownerUnseen) {
      toProcess.add(uid);
    }
    if (node.beingDeleted && (finalizers.contains(FOREGROUND) || finalizers.contains(ORPHAN))) {
      toProcess.add(uid);
    }
    return new ArrayList<>(toProcess);
  }

  /**
   * Records a deleted object.
   *
   * @return the uids to look at: its dependents (their owner is gone) and its owners that are
   *     waiting for their dependents to go
   */
  public synchronized List<String> forget(KubeObject object) {
    String uid = object.metadata().uid();
    Node node = nodes.get(uid);
    if (node == null || node.identity == null) {
      return List.of();
    }
    Set<String> toProcess = new LinkedHashSet<>(node.dependents);
    for (String owner : uids(node.owners)) {
      Node ownerNode = nodes.get(owner);
      if (ownerNode != null) {
        ownerNode.dependents.remove(uid);
        if (ownerNode.deletingDependents) {
          toProcess.add(owner);
        }
        dropIfUnused(owner, ownerNode);
      }
    }
    node.identity = null;
    node.owners = List.of();
    node.beingDeleted = false;
    node.deletingDependents = false;
    dropIfUnused(uid, node);
    return new ArrayList<>(toProcess);
  }

  /** The node with this uid, observed or virtual. */
  public synchronized Optional<Entry> get(String uid) {
    Node node = nodes.get(uid);
    if (node == null) {
      return Optional.empty();
    }
    return Optional.of(new Entry(node.identity, node.owners, List.copyOf(node.dependents),
        node.beingDeleted, node.deletingDependents));
  }

  /** The observed dependents of {@code uid}, in the order they were first seen. */
  public synchronized List<Entry> dependents(String uid) {
    Node node = nodes.get(uid);
    if (node == null) {
      return List.of();
    }
    List<Entry> result = new ArrayList<>();
    for (String dependent : node.dependents) {
      Node d = nodes.get(dependent);
      if (d != null && d.identity != null) {
        result.add(new Entry(d.identity, d.owners, List.copyOf(d.dependents), d.beingDeleted,
            d.deletingDependents));
      }
    }
    return result;
  }

  /** How many nodes (observed and virtual) the graph holds. */
  public synchronized int size() {
    return nodes.size();
  }

  private void dropIfUnused(String uid, Node node) {
    if (node.identity == null && node.dependents.isEmpty()) {
      nodes.remove(uid);
    }
  }

  private static Set<String> uids(List<OwnerReference> references) {
    Set<String> uids = new LinkedHashSet<>();
    for (OwnerReference reference : references) {
      uids.add(reference.uid());
    }
    return uids;
  }
}
