package io.minik8s.client.cache;

import io.minik8s.objects.meta.KubeObject;
import java.util.List;

/** The values an object is indexed under (none, one or several), as upstream's {@code IndexFunc}. */
@FunctionalInterface
public interface IndexFunction<T extends KubeObject> {
  List<String> values(T object);
}
