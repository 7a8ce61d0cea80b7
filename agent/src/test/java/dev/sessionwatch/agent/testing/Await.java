package dev.sessionwatch.agent.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Waits, bounded in time and in number of tries, for something to happen in a test. */
public final class Await {

  private static final Duration INTERVAL = Duration.ofMillis(50);

  private Await() {}

  /**
   * Polls the probe until it gives a value.
   *
   * @throws AssertionError naming what was awaited when the time is up
   */
  public static <T> T value(String what, Duration timeout, Callable<Optional<T>> probe)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    long tries = timeout.toMillis() / INTERVAL.toMillis() + 1;
    for (long i = 0; i < tries; i++) {
      Optional<T> value = probe.call();
      if (value.isPresent()) {
        return value.get();
      }
      if (System.nanoTime() > deadline) {
        break;
      }
      Thread.sleep(INTERVAL.toMillis());
    }
    throw new AssertionError("gave up after " + timeout.toSeconds() + " s waiting for " + what);
  }

  /** Polls until the condition holds. */
  public static void until(String what, Duration timeout, Callable<Boolean> condition)
      throws Exception {
    value(what, timeout, () -> condition.call() ? Optional.of(true) : Optional.<Boolean>empty());
  }
}
