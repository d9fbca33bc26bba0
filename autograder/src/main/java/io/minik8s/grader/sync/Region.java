package io.minik8s.grader.sync;

import java.nio.file.Path;

/**
 * A fenced exercise region of a solution file: lines {@code begin} and {@code end} (1-based) hold
 * the markers; what lies between is the reference code a student writes.
 *
 * @param stub the code that replaces the region in the skeleton, or null for the default throw
 */
public record Region(Path file, String exercise, String task, int begin, int end, String indent, String stub) {

  /** The skeleton's body of this region. */
  public String skeletonBody() {
    if (stub != null) {
      return stub.isBlank() ? "" : indent + stub.strip() + "\n";
    }
    String message = ("TODO exercise " + exercise + ": " + task).replace("\\", "\\\\").replace("\"", "\\\"");
    return indent + "throw new UnsupportedOperationException(\"" + message + "\");\n";
  }

  public String location() {
    return file + ":" + begin;
  }
}
