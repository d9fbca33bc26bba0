package io.minik8s.apiserver.storage;

import io.minik8s.objects.scheme.ResourceType;

/** The registry of every resource the server stores, one per {@link ResourceType}. */
@FunctionalInterface
public interface Registries {

  ObjectRegistry forType(ResourceType type);
}
