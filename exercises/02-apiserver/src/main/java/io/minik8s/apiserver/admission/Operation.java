package io.minik8s.apiserver.admission;

/** What a request does to an object, as admission sees it (upstream {@code admission.Operation}). */
public enum Operation { CREATE, UPDATE, DELETE, CONNECT }
