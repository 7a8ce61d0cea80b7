package dev.sessionwatch.app.format;

import java.time.Duration;
import java.util.Locale;

/**
 * Durations and sizes the way people read them: {@code 3m 12s}, {@code 2h 05m}, {@code 1.2 MB/s}.
 * Unknown values (null) read as an empty string, never as zero.
 */
public final class HumanReadable {
  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

  private HumanReadable() {}

  /** {@code 42s}, {@code 3m 12s}, {@code 2h 05m}, {@code 3d 04h}; negative reads as zero. */
  public static String duration(Duration duration) {
    if (duration == null) {
      return "";
    }
    long seconds = Math.max(0, duration.getSeconds());
    if (seconds < 60) {
      return seconds + "s";
    }
    // Concatenated rather than String.format: a search formats the idle time of every row.
    if (seconds < 3600) {
      return seconds / 60 + "m " + twoDigits(seconds % 60) + "s";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + "h " + twoDigits(seconds % 3600 / 60) + "m";
    }
    return seconds / 86_400 + "d " + twoDigits(seconds % 86_400 / 3600) + "h";
  }

  /**
   * Whether {@code text} could be part of a {@link #duration}: only its digits, units and spaces,
   * in lower case.
   */
  public static boolean couldBeDuration(String text) {
    return text.chars().allMatch(c -> (c >= '0' && c <= '9') || "dhms ".indexOf(c) >= 0);
  }

  private static String twoDigits(long value) {
    return value < 10 ? "0" + value : String.valueOf(value);
  }

  /** {@code 512 B}, {@code 1.2 KB}, {@code 45 MB}: decimal units, one decimal below ten. */
  public static String bytes(Long bytes) {
    if (bytes == null) {
      return "";
    }
    double value = Math.max(0, bytes);
    int unit = 0;
    while (value >= 999.95 && unit < UNITS.length - 1) {
      value /= 1000;
      unit++;
    }
    if (unit == 0) {
      return (long) value + " B";
    }
    String pattern = value < 9.95 ? "%.1f %s" : "%.0f %s";
    return String.format(Locale.ROOT, pattern, value, UNITS[unit]);
  }

  /** {@code 1.2 MB/s}. */
  public static String rate(Long bytesPerSecond) {
    return bytesPerSecond == null ? "" : bytes(bytesPerSecond) + "/s";
  }

  /** {@code 42 %} for a fraction from 0 to 1. */
  public static String percent(Double fraction) {
    return fraction == null ? "" : Math.round(fraction * 100) + " %";
  }
}
