package io.minik8s.grader.build;

import java.nio.file.Path;

/**
 * The outcome of compiling one source tree: the classes directory (complete only when
 * {@link #ok()}) and the compiler's errors as {@code file:line: message} lines.
 */
public record CompileResult(String label, boolean ok, Path classes, String errors) {}
