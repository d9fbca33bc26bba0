package io.minik8s.grader.run;

/**
 * Turns a test's throwable into the message a student reads: the exception and its message,
 * then where it was thrown in course code (not in JUnit or AssertJ), e.g.
 * {@code UnsupportedOperationException: TODO exercise 0.2: parse a selector (at Selector.java:41)}.
 */
final class Failures {

  static final int MAX_MESSAGE = 2_000;

  private Failures() {}

  static String describe(Throwable t) {
    String text =
        t instanceof AssertionError
            ? String.valueOf(t.getMessage()).strip()
            : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    if (text.equals("null")) {
      text = t.getClass().getSimpleName();
    }
    String where = whereInCourseCode(t);
    if (!where.isEmpty()) {
      text = text + " (at " + where + ")";
    }
    // a static initialiser's or a reflective call's failure is only a wrapper: show what it wraps
    if (t.getCause() != null && t.getCause() != t && !(t instanceof AssertionError)) {
      text = text + "; caused by " + describe(t.getCause());
    }
    return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + " …";
  }

  private static String whereInCourseCode(Throwable t) {
    if (t instanceof AssertionError) {
      return "";
    }
    for (StackTraceElement frame : t.getStackTrace()) {
      if (frame.getClassName().startsWith("io.minik8s.") && !frame.getClassName().startsWith("io.minik8s.grader.")) {
        return frame.getFileName() + ":" + frame.getLineNumber();
      }
    }
    return "";
  }
}
