package dev.sessionwatch.agent.terminal;

import java.net.InetAddress;
import java.time.Instant;

/**
 * One entry of the utmp file ({@code struct utmp} of glibc).
 *
 * @param type what the entry records; {@link #USER_PROCESS} is a login
 * @param pid the login's process: for OpenSSH with privilege separation (9.2 here) the {@code sshd:
 *     USER [priv]} monitor, for a console login the {@code login} process
 * @param line the terminal below {@code /dev} ({@code pts/0}, {@code tty1})
 * @param id the short terminal name ({@code ts/0}, {@code 1})
 * @param host where the user came from: a host name or address, empty for a local login
 * @param session the ut_session field (sshd leaves it 0)
 * @param loginTime when the entry was written
 * @param address the remote address (ut_addr_v6), null when it is all zeros
 */
public record UtmpRecord(
    int type,
    long pid,
    String line,
    String id,
    String user,
    String host,
    int exitTermination,
    int exitStatus,
    int session,
    Instant loginTime,
    InetAddress address) {

  public static final int LOGIN_PROCESS = 6;
  public static final int USER_PROCESS = 7;
  public static final int DEAD_PROCESS = 8;

  /** Whether this entry is a user's login (and not a getty, a run level or an ended login). */
  public boolean isUserProcess() {
    return type == USER_PROCESS;
  }
}
