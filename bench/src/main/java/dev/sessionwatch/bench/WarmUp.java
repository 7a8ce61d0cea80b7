package dev.sessionwatch.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Warms up until the JIT compilers are all but done. The targets are about a console and agents
 * that run all day; on 2 cores, their first minute of compiling would otherwise be counted as their
 * steady cost, and it was most of it. Each slice of work is compared with the compiling the JVMs
 * report over it: warm-up ends after a few slices in a row that compiled little, or at a time
 * limit, and says which.
 */
final class WarmUp {
  /** Compiling for less than this share of a slice's time counts as little. */
  private static final double QUIET_SHARE = 0.10;

  private static final int QUIET_SLICES = 3;

  /**
   * @param settled whether the compilers went quiet; false when the time limit ended it
   */
  record Result(Duration took, boolean settled) {}

  /** One slice of the work being warmed up. */
  @FunctionalInterface
  interface Slice {
    void run() throws Exception;
  }

  private WarmUp() {}

  /**
   * Runs {@code slice} at least once, and again until the compilers went quiet or {@code longest}
   * has passed.
   *
   * @param compiledMillis the time the JVMs that count have spent compiling so far
   */
  static Result until(Duration longest, LongSupplier compiledMillis, Slice slice) throws Exception {
    long start = System.nanoTime();
    int quiet = 0;
    do {
      long compiledBefore = compiledMillis.getAsLong();
      long before = System.nanoTime();
      slice.run();
      double sliceMillis = (System.nanoTime() - before) / 1e6;
      boolean little = compiledMillis.getAsLong() - compiledBefore < QUIET_SHARE * sliceMillis;
      quiet = little ? quiet + 1 : 0;
    } while (quiet < QUIET_SLICES && System.nanoTime() - start < longest.toNanos());
    return new Result(Duration.ofNanos(System.nanoTime() - start), quiet >= QUIET_SLICES);
  }

  /** The time this JVM has spent compiling so far, in milliseconds. */
  static long compiledHere() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }
}
