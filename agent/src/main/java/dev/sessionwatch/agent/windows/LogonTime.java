package dev.sessionwatch.agent.windows;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * quser's LOGON TIME column, printed in the host's short date and time format: {@code 3/25/2021
 * 9:27 AM} (en-US), {@code 24.08.2022 17:42} (de-DE), {@code 16/11/2020 08:58} (en-GB), {@code
 * 2024-03-25 09:27} (sv-SE).
 *
 * <p>A year-first or dotted date has one reading. A date with {@code /} or {@code -} between day
 * and month does not: {@link #order} settles it from the output's own dates (one with a first
 * number over 12 is day-first), else from the host's regional format, which quser printed with. A
 * time is 24-hour, or 12-hour with AM or PM. Anything else (another script's day-period words, the
 * period before the time) is not read: the logon time is then absent, never guessed.
 */
final class LogonTime {

  /** Which comes first in a date written with {@code /} or {@code -} and the year last. */
  enum Order {
    DAY_FIRST,
    MONTH_FIRST,
    /** The output's dates contradict each other: none is read. */
    UNKNOWN
  }

  private static final Pattern TEXT =
      Pattern.compile(
          "(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})\\.?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?"
              + "(?:\\s*(\\S.*))?");

  private LogonTime() {}

  /**
   * The order of day and month in the slashed dates of one output: from the dates themselves when
   * one of them tells, else from the host's regional format.
   */
  static Order order(List<String> printed, Locale hostFormat) {
    boolean dayFirst = false;
    boolean monthFirst = false;
    for (String text : printed) {
      Matcher m = TEXT.matcher(text.strip());
      if (m.matches() && !m.group(2).equals(".") && m.group(4).length() == 4) {
        dayFirst |= Integer.parseInt(m.group(1)) > 12;
        monthFirst |= Integer.parseInt(m.group(3)) > 12;
      }
    }
    if (dayFirst && monthFirst) {
      return Order.UNKNOWN;
    }
    if (dayFirst || monthFirst) {
      return dayFirst ? Order.DAY_FIRST : Order.MONTH_FIRST;
    }
    String pattern =
        DateTimeFormatterBuilder.getLocalizedDateTimePattern(
            FormatStyle.SHORT, null, IsoChronology.INSTANCE, hostFormat);
    return pattern.indexOf('d') < pattern.indexOf('M') ? Order.DAY_FIRST : Order.MONTH_FIRST;
  }

  /** The local date and time printed, or empty when it cannot be read for sure. */
  static Optional<LocalDateTime> parse(String printed, Order order) {
    Matcher m = TEXT.matcher(printed.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    String a = m.group(1);
    String b = m.group(3);
    String c = m.group(4);
    int year;
    int month;
    int day;
    if (a.length() == 4) {
      year = Integer.parseInt(a);
      month = Integer.parseInt(b);
      day = Integer.parseInt(c);
    } else if (c.length() == 4) {
      year = Integer.parseInt(c);
      boolean dayFirst = m.group(2).equals(".") || order == Order.DAY_FIRST;
      if (!dayFirst && order != Order.MONTH_FIRST) {
        return Optional.empty();
      }
      day = Integer.parseInt(dayFirst ? a : b);
      month = Integer.parseInt(dayFirst ? b : a);
    } else {
      return Optional.empty();
    }
    Optional<Integer> hour = hour(Integer.parseInt(m.group(5)), m.group(8));
    if (hour.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          LocalDateTime.of(
              year,
              month,
              day,
              hour.get(),
              Integer.parseInt(m.group(6)),
              m.group(7) == null ? 0 : Integer.parseInt(m.group(7))));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  /** The hour on a 24-hour clock, from a printed hour and what follows the time. */
  private static Optional<Integer> hour(int printed, String after) {
    if (after == null) {
      return Optional.of(printed);
    }
    String period = after.replace(".", "").replace(" ", "").toLowerCase(Locale.ROOT);
    if (printed < 1 || printed > 12 || !period.equals("am") && !period.equals("pm")) {
      return Optional.empty();
    }
    return Optional.of(printed % 12 + (period.equals("pm") ? 12 : 0));
  }
}
