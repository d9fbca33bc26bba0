package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;

/** One queued call on a {@link ResourceEventHandler}: what a handler's thread delivers. */
sealed interface Notification<T extends KubeObject> {

  void deliverTo(ResourceEventHandler<T> handler);

  record Added<T extends KubeObject>(T object) implements Notification<T> {
    @Override
    public void deliverTo(ResourceEventHandler<T> handler) {
      handler.onAdd(object);
    }
  }

  record Updated<T extends KubeObject>(T oldObject, T newObject) implements Notification<T> {
    @Override
    public void deliverTo(ResourceEventHandler<T> handler) {
      handler.onUpdate(oldObject, newObject);
    }
  }

  record Deleted<T extends KubeObject>(T object) implements Notification<T> {
    @Override
    public void deliverTo(ResourceEventHandler<T> handler) {
      handler.onDelete(object);
    }
  }
}
