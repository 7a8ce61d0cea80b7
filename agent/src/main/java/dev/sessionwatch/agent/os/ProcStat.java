package dev.sessionwatch.agent.os;

/**
 * The fields of {@code /proc/PID/stat} the agent uses.
 *
 * @param comm the kernel's short command name (at most 15 bytes; may hold spaces and parentheses)
 * @param state the one-letter state (R, S, D, Z, ...)
 * @param ttyNr the controlling terminal's device number, 0 when there is none
 * @param startTimeTicks when the process started, in clock ticks (USER_HZ) after boot
 */
public record ProcStat(
    long pid,
    String comm,
    char state,
    long ppid,
    long pgid,
    long sid,
    long ttyNr,
    long startTimeTicks) {

  // Field numbers as in proc(5), counted from 1; the fields after comm start at number 3.
  private static final int FIRST_FIELD_AFTER_COMM = 3;
  private static final int PPID = 4;
  private static final int PGRP = 5;
  private static final int SESSION = 6;
  private static final int TTY_NR = 7;
  private static final int STARTTIME = 22;

  /**
   * Parses one {@code /proc/PID/stat} line.
   *
   * <p>comm is everything between the first {@code (} and the <em>last</em> {@code )}: a process
   * may name itself {@code a) b (c}, and no field after comm can hold a parenthesis.
   *
   * @throws IllegalArgumentException when the text is not a stat line
   */
  public static ProcStat parse(String text) {
    int open = text.indexOf('(');
    int close = text.lastIndexOf(')');
    if (open < 1 || close < open) {
      throw new IllegalArgumentException("not a /proc/PID/stat line: " + abbreviate(text));
    }
    String[] fields = text.substring(close + 1).trim().split("\\s+");
    if (fields.length <= STARTTIME - FIRST_FIELD_AFTER_COMM) {
      throw new IllegalArgumentException("too few fields in /proc/PID/stat: " + abbreviate(text));
    }
    try {
      return new ProcStat(
          Long.parseLong(text.substring(0, open).trim()),
          text.substring(open + 1, close),
          fields[0].charAt(0),
          field(fields, PPID),
          field(fields, PGRP),
          field(fields, SESSION),
          field(fields, TTY_NR),
          field(fields, STARTTIME));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("malformed /proc/PID/stat: " + abbreviate(text), e);
    }
  }

  /** Whether the process has exited and only waits to be reaped (Z), or is being torn down (X). */
  public boolean isZombie() {
    return isZombie(state);
  }

  static boolean isZombie(char state) {
    return state == 'Z' || state == 'X';
  }

  public ProcessIdentity identity() {
    return new ProcessIdentity(pid, startTimeTicks);
  }

  private static long field(String[] fields, int number) {
    return Long.parseLong(fields[number - FIRST_FIELD_AFTER_COMM]);
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
