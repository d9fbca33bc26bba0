package io.minik8s.grader.layering;

import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;

/**
 * The course's one architectural law as an ArchUnit rule: module N may use only modules below N.
 * Each module is the package {@code <base>.<module>..}, in course order; a dependency on a higher
 * module, or between two modules in both directions (a cycle), breaks it.
 */
final class ModuleLayering {

  private ModuleLayering() {}

  static LayeredArchitecture rule(String basePackage, List<String> modulesInOrder) {
    LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
    for (String module : modulesInOrder) {
      layers = layers.layer(module).definedBy(basePackage + "." + module + "..");
    }
    for (int i = 0; i < modulesInOrder.size(); i++) {
      String[] lower = modulesInOrder.subList(0, i).toArray(String[]::new);
      layers =
          lower.length == 0
              ? layers.whereLayer(modulesInOrder.get(i)).mayNotAccessAnyLayer()
              : layers.whereLayer(modulesInOrder.get(i)).mayOnlyAccessLayers(lower);
    }
    return layers.withOptionalLayers(true);
  }
}
