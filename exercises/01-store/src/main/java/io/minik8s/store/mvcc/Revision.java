package io.minik8s.store.mvcc;

/**
 * A point in the store's history: {@code main} is the store revision a write committed at (what
 * clients see), {@code sub} numbers the changes inside that write, from 0. A transaction that puts
 * three keys at revision 7 makes (7,0), (7,1), (7,2). Ordered by main, then sub.
 *
 * <p>Upstream: {@code revision} in etcd's mvcc/revision.go.
 */
public record Revision(long main, long sub) implements Comparable<Revision> {

  @Override
  public int compareTo(Revision other) {
    int byMain = Long.compare(main, other.main);
    return byMain != 0 ? byMain : Long.compare(sub, other.sub);
  }

  public boolean greaterThan(Revision other) {
    return compareTo(other) > 0;
  }

  @Override
  public String toString() {
    return main + "." + sub;
  }
}
