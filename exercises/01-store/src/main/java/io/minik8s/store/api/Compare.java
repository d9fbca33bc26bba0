package io.minik8s.store.api;

/**
 * One condition of a transaction: {@code target(key) result operand}, e.g. "mod_revision of
 * /registry/pods/default/web EQUAL 42", the API server's optimistic-concurrency check. A missing
 * key has version, create and mod revision 0, lease 0; a VALUE compare on a missing key is false.
 *
 * <p>{@code rangeEnd} applies the compare to every key in the range (all must satisfy it).
 *
 * @param operand a {@link Bytes} for {@link Target#VALUE}, a {@link Long} otherwise
 */
public record Compare(Bytes key, Bytes rangeEnd, Target target, Result result, Object operand) {

  public enum Target { VERSION, CREATE, MOD, VALUE, LEASE }

  public enum Result { EQUAL, GREATER, LESS, NOT_EQUAL }

  public static Compare modRevision(Bytes key, Result result, long revision) {
    return new Compare(key, Bytes.EMPTY, Target.MOD, result, revision);
  }

  public static Compare createRevision(Bytes key, Result result, long revision) {
    return new Compare(key, Bytes.EMPTY, Target.CREATE, result, revision);
  }

  public static Compare version(Bytes key, Result result, long version) {
    return new Compare(key, Bytes.EMPTY, Target.VERSION, result, version);
  }

  public static Compare value(Bytes key, Result result, Bytes value) {
    return new Compare(key, Bytes.EMPTY, Target.VALUE, result, value);
  }

  public static Compare lease(Bytes key, Result result, long lease) {
    return new Compare(key, Bytes.EMPTY, Target.LEASE, result, lease);
  }
}
