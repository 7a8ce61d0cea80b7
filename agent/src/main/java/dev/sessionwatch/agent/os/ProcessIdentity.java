package dev.sessionwatch.agent.os;

/**
 * One process, told apart from any later process that reuses its PID by its start time.
 *
 * @param startTimeTicks the start time from {@code /proc/PID/stat}, in ticks after boot
 */
public record ProcessIdentity(long pid, long startTimeTicks) {

  /** The form session ids are built from: {@code PID-STARTTICKS}. */
  @Override
  public String toString() {
    return pid + "-" + startTimeTicks;
  }
}
