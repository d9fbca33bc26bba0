package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every notification as text: "add ns/web@5", "update ns/web@5->6", "delete ns/web@6". */
final class RecordingHandler<T extends KubeObject> implements ResourceEventHandler<T> {

  private final List<String> seen = new CopyOnWriteArrayList<>();

  @Override
  public void onAdd(T object) {
    seen.add("add " + RecordingStore.describe(object));
  }

  @Override
  public void onUpdate(T oldObject, T newObject) {
    seen.add("update " + RecordingStore.describe(oldObject) + "->"
        + newObject.metadata().resourceVersion());
  }

  @Override
  public void onDelete(T object) {
    seen.add("delete " + RecordingStore.describe(object));
  }

  List<String> seen() {
    return List.copyOf(seen);
  }
}
