package dev.sessionwatch.agent.windows;

import java.time.Duration;

/**
 * Watches for an action's effect for a while: Windows logs off, disconnects and terminates sessions
 * asynchronously, after the tool has returned.
 */
final class GracePeriod {

  private static final Duration POLL = Duration.ofMillis(250);

  /** A look at the host: true once the effect is seen. */
  @FunctionalInterface
  interface Check {
    boolean seen();
  }

  private final Duration length;

  GracePeriod(Duration length) {
    this.length = length;
  }

  /** Whether the check saw the effect before the period ended; it looks at least once. */
  boolean awaits(Check check) {
    long deadline = System.nanoTime() + length.toNanos();
    while (!check.seen()) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
