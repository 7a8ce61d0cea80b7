package dev.sessionwatch.agent.os;

import java.time.Instant;

/**
 * When the host booted ({@code btime} of {@code /proc/stat}), to turn a process's start ticks into
 * a wall-clock instant.
 *
 * <p>The kernel reports start times in USER_HZ ticks, which is 100 on every Linux architecture: it
 * is part of the user-space ABI, independent of the kernel's internal CONFIG_HZ, and is what {@code
 * sysconf(_SC_CLK_TCK)} returns ({@code getconf CLK_TCK} prints 100). Java cannot call sysconf, so
 * the value is fixed here.
 */
public record BootTime(Instant bootedAt) {

  /** Clock ticks per second in {@code /proc} (USER_HZ). */
  public static final long TICKS_PER_SECOND = 100;

  /**
   * Reads the {@code btime} line of a {@code /proc/stat} text.
   *
   * @throws IllegalArgumentException when there is none
   */
  public static BootTime parse(String procStat) {
    for (String line : procStat.split("\n")) {
      if (line.startsWith("btime ")) {
        try {
          return new BootTime(Instant.ofEpochSecond(Long.parseLong(line.substring(6).trim())));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("malformed btime line in /proc/stat: " + line, e);
        }
      }
    }
    throw new IllegalArgumentException("no btime line in /proc/stat");
  }

  /** The instant a process started, from its start time in ticks after boot. */
  public Instant instantAfter(long ticks) {
    return bootedAt
        .plusSeconds(ticks / TICKS_PER_SECOND)
        .plusMillis((ticks % TICKS_PER_SECOND) * (1000 / TICKS_PER_SECOND));
  }
}
