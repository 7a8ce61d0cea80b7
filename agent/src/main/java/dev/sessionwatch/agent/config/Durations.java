package dev.sessionwatch.agent.config;

import java.time.Duration;
import java.util.Objects;

/** The checks every source's settings make of their durations. */
public final class Durations {

  private Durations() {}

  /**
   * A grace period between SIGTERM and SIGKILL (or before an effect is looked for): zero or more.
   */
  public static void requireGrace(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, was " + grace);
    }
  }

  /** A time limit: more than zero. */
  public static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, was " + value);
    }
  }
}
