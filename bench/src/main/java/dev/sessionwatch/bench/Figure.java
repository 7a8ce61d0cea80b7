package dev.sessionwatch.bench;

import java.util.Locale;

/**
 * One line of the benchmark table: what was measured, the value, the target and whether it was met.
 *
 * @param target empty for a figure that has none (shown for growth or as context)
 */
public record Figure(String name, String value, String target, Verdict verdict) {

  /** Whether the value meets its target. */
  public enum Verdict {
    PASS,
    FAIL,
    /** No target: a figure to read, e.g. to see how a cost grows. */
    INFO
  }

  /** A value that must stay under {@code limit}. */
  public static Figure under(String name, double value, double limit, String unit) {
    return new Figure(
        name,
        number(value) + " " + unit,
        "< " + number(limit) + " " + unit,
        value < limit ? Verdict.PASS : Verdict.FAIL);
  }

  /** A value that must not exceed {@code limit}. */
  public static Figure atMost(String name, double value, double limit, String unit) {
    return new Figure(
        name,
        number(value) + " " + unit,
        "<= " + number(limit) + " " + unit,
        value <= limit ? Verdict.PASS : Verdict.FAIL);
  }

  /** A condition that must hold, e.g. the selection surviving a refresh. */
  public static Figure holds(String name, boolean held, String target) {
    return new Figure(name, held ? "yes" : "no", target, held ? Verdict.PASS : Verdict.FAIL);
  }

  /** A figure without a target. */
  public static Figure info(String name, double value, String unit) {
    return new Figure(name, number(value) + " " + unit, "", Verdict.INFO);
  }

  /** Three significant digits or so, without exponent notation. */
  static String number(double value) {
    double magnitude = Math.abs(value);
    String pattern =
        magnitude >= 100 || magnitude == Math.rint(magnitude) && magnitude >= 10
            ? "%.0f"
            : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f";
    return String.format(Locale.ROOT, pattern, value);
  }
}
