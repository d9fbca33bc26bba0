package io.minik8s.apiserver.storage;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One line of a watch stream: {@code {"type":"ADDED","object":{...}}}. For DELETED the object
 * is its last state (with the revision of the delete as resourceVersion); for BOOKMARK an
 * object of the watched kind with only {@code metadata.resourceVersion}; for ERROR a {@code
 * Status}.
 *
 * <p>Upstream: {@code watch.Event} and {@code metav1.WatchEvent}.
 */
public record WatchEvent(Type type, ObjectNode object) {

  public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }
}
