package io.minik8s.store.api;

/** {@code /v3/maintenance/status}: the server's version and how big its data is. */
public record StatusResponse(ResponseHeader header, String version, long dbSize, long leader, long raftIndex, long raftTerm) {}
