package io.minik8s.store.api;

public record CompactionResponse(ResponseHeader header) {}
