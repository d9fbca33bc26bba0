package io.minik8s.store.api;

/**
 * A key's state at one revision, as etcd returns it ({@code mvccpb.KeyValue}).
 *
 * @param createRevision the revision that created this generation of the key
 * @param modRevision the revision of the last change to the key
 * @param version how many times the key changed in this generation: 1 after creation; a delete
 *     ends the generation and re-creating the key starts again at 1
 * @param lease the id of the lease the key is attached to, 0 for none
 */
public record KeyValue(Bytes key, long createRevision, long modRevision, long version, Bytes value, long lease) {

  /** The same entry without its value, as a {@code keys_only} range returns it. */
  public KeyValue withoutValue() {
    return new KeyValue(key, createRevision, modRevision, version, Bytes.EMPTY, lease);
  }
}
