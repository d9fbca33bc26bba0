package io.minik8s.store.api;

/**
 * Sent with every response. {@code revision} is the store's revision when the request was served
 * (after it, for a write): the API server turns it into a list's {@code resourceVersion}.
 */
public record ResponseHeader(long clusterId, long memberId, long revision, long raftTerm) {}
