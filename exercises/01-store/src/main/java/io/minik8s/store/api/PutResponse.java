package io.minik8s.store.api;

/** @param prevKv the key's state before the put, when asked for and the key existed; else null */
public record PutResponse(ResponseHeader header, KeyValue prevKv) {}
