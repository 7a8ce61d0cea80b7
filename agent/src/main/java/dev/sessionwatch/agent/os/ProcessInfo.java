package dev.sessionwatch.agent.os;

/**
 * One process as read from the process table.
 *
 * @param uid the real user id
 * @param state the one-letter state from {@code /proc/PID/stat}
 * @param startTimeTicks when it started, in clock ticks after boot; see {@link BootTime}
 * @param comm the kernel's short command name
 * @param cmdline the arguments joined by spaces (a process title such as {@code sshd: alice [priv]}
 *     for programs that rewrite it); empty for kernel threads and zombies
 * @param ttyNr the controlling terminal's device number, 0 when none
 * @param auditSessionId the kernel audit session ({@code /proc/PID/sessionid}) that pam_loginuid
 *     opened at login, inherited by everything started in that login; null when unset or unknown
 */
public record ProcessInfo(
    long pid,
    long ppid,
    long pgid,
    long sid,
    long uid,
    char state,
    long startTimeTicks,
    String comm,
    String cmdline,
    long ttyNr,
    Long auditSessionId) {

  /** Builds one from a parsed stat line and the other files of {@code /proc/PID}. */
  public static ProcessInfo of(ProcStat stat, long uid, String cmdline, Long auditSessionId) {
    return new ProcessInfo(
        stat.pid(),
        stat.ppid(),
        stat.pgid(),
        stat.sid(),
        uid,
        stat.state(),
        stat.startTimeTicks(),
        stat.comm(),
        cmdline,
        stat.ttyNr(),
        auditSessionId);
  }

  /** Whether it has exited and only waits to be reaped: such a process counts as ended. */
  public boolean isZombie() {
    return ProcStat.isZombie(state);
  }

  public ProcessIdentity identity() {
    return new ProcessIdentity(pid, startTimeTicks);
  }
}
