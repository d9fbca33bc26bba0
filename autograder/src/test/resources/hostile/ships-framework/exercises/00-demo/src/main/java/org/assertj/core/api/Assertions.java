package org.assertj.core.api;

/** A fake AssertJ entry point. */
public final class Assertions {

  private Assertions() {}

  public static Object assertThat(Object actual) {
    return actual;
  }
}
