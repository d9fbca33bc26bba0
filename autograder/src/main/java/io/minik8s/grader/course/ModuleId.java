package io.minik8s.grader.course;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A course module as named on disk: {@code 00-objects} is number {@code "00"}, name
 * {@code objects}. The number orders modules: module N may use only modules below N.
 */
public record ModuleId(String number, String name) implements Comparable<ModuleId> {

  private static final Pattern DIR = Pattern.compile("(\\d\\d)-([a-z][a-z0-9-]*)");

  /** Parses a module directory name such as {@code 01-store}; null if it is not one. */
  public static ModuleId fromDirectoryName(String dirName) {
    Matcher m = DIR.matcher(dirName);
    return m.matches() ? new ModuleId(m.group(1), m.group(2)) : null;
  }

  /** The directory name, {@code NN-name}. */
  public String directoryName() {
    return number + "-" + name;
  }

  /** The prefix of this module's exercise ids: module {@code 01} has exercises {@code 1.1, 1.2...}. */
  public String exercisePrefix() {
    return Integer.parseInt(number) + ".";
  }

  /** True when {@code query} names this module: {@code 0}, {@code 00}, {@code objects} or {@code 00-objects}. */
  public boolean matches(String query) {
    return query.equals(number)
        || query.equals(name)
        || query.equals(directoryName())
        || (query.matches("\\d+") && Integer.parseInt(query) == Integer.parseInt(number));
  }

  @Override
  public int compareTo(ModuleId other) {
    return number.compareTo(other.number);
  }

  @Override
  public String toString() {
    return directoryName();
  }
}
