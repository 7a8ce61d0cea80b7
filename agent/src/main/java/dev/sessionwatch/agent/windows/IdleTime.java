package dev.sessionwatch.agent.windows;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * quser's IDLE TIME column: {@code .} for less than a minute, else minutes ({@code 5}), hours and
 * minutes ({@code 1:05}) or days, hours and minutes ({@code 2+03:04}). A word ({@code none}, {@code
 * Kein}, {@code ninguno}) means quser knows no idle time: the console's is not tracked.
 */
final class IdleTime {

  private static final Pattern FIGURES = Pattern.compile("(?:(\\d+)\\+)?(?:(\\d+):)?(\\d+)");

  private IdleTime() {}

  /** The idle time printed, or empty when quser printed none. */
  static Optional<Duration> parse(String printed) {
    if (printed.equals(".")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = FIGURES.matcher(printed);
    if (!m.matches()) {
      return Optional.empty();
    }
    long days = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
    long hours = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
    long minutes = Long.parseLong(m.group(3));
    boolean split = m.group(2) != null;
    if (split && minutes > 59 || m.group(1) != null && (!split || hours > 23)) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofDays(days).plusHours(hours).plusMinutes(minutes));
  }
}
