package io.minik8s.grader;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test method as graded: it earns {@link #points()} towards exercise {@link #exercise()}
 * when it passes. A test without this annotation still runs but earns nothing.
 *
 * <p>The exercise id is the one in the lesson's exercise table and in the
 * {@code // BEGIN EXERCISE <id>} markers of the solution. The build checks that, for every
 * exercise, the points of its graded tests add up to the points in the lesson table, that every
 * graded test fails on the generated skeleton, and that every graded test passes on the reference.
 *
 * <p>Test method names are part of the gradebook: rename a graded test only between terms.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Graded {

  /** Exercise id, {@code "<module>.<n>"}, e.g. {@code "0.2"}. */
  String exercise();

  /** Points earned when this test passes; at least 1. */
  int points() default 1;

  /**
   * What to tell a student whose hidden test failed, instead of the assertion message (which would
   * reveal the hidden test). Visible tests show their full failure message and ignore this.
   */
  String hint() default "";
}
