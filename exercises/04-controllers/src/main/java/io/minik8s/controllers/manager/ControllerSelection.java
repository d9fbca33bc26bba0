package io.minik8s.controllers.manager;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@code --controllers} as upstream does: a list of names, where {@code *} means "every
 * controller", {@code name} enables one and {@code -name} disables one; an explicit entry wins
 * over {@code *}. The default {@code *} runs them all. (Upstream also has controllers that are
 * off by default; here every controller is on by default.)
 */
public final class ControllerSelection {

  private ControllerSelection() {}

  /**
   * The enabled names, in the order of {@code known}.
   *
   * @throws IllegalArgumentException naming an unknown controller and listing the valid ones
   */
  public static List<String> enabled(List<String> flags, Collection<String> known) {
    Set<String> enabled = new HashSet<>();
    Set<String> disabled = new HashSet<>();
    boolean star = false;
    for (String raw : flags) {
      String flag = raw.trim();
      if (flag.isEmpty()) {
        continue;
      }
      if (flag.equals("*")) {
        star = true;
        continue;
      }
      boolean off = flag.startsWith("-");
      String name = off ? flag.substring(1) : flag;
      if (!known.contains(name)) {
        throw new IllegalArgumentException("unknown controller \"" + name
            + "\" in --controllers; valid names are *, " + String.join(", ", known));
      }
      (off ? disabled : enabled).add(name);
    }
    List<String> result = new ArrayList<>();
    for (String name : known) {
      if (enabled.contains(name) || (star && !disabled.contains(name))) {
        result.add(name);
      }
    }
    return result;
  }
}
