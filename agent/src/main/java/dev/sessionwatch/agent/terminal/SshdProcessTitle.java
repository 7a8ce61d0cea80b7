package dev.sessionwatch.agent.terminal;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an OpenSSH server process says it is in its title, for the two roles of a login.
 *
 * <p>Seen with OpenSSH 9.2 (Debian 12), for a login with a terminal and one without:
 *
 * <pre>
 * sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups      the listener (not a login)
 *  \_ sshd: alice [priv]        the monitor (root); utmp's ut_pid; holds PAM and the utmp entry
 *  |   \_ sshd: alice@pts/0     the connection (alice); ending it cuts the connection
 *  |       \_ -bash
 *  \_ sshd: alice [priv]
 *      \_ sshd: alice@notty     no terminal (ssh -T, scp, sftp): no utmp entry at all
 * </pre>
 *
 * <p>OpenSSH 9.8 and later run logins in a separate {@code sshd-session} program, whose titles
 * start {@code sshd-session: } instead. A connection that multiplexes several terminals lists them
 * with commas ({@code alice@pts/1,pts/2}).
 *
 * @param lines the terminals of a connection ({@code notty} when none); empty for a monitor
 */
record SshdProcessTitle(String user, Role role, List<String> lines) {

  enum Role {
    /** {@code sshd: USER [priv]}: the privileged monitor of one login. */
    MONITOR,
    /** {@code sshd: USER@LINES}: the unprivileged process that serves the connection. */
    CONNECTION
  }

  static final String NO_TERMINAL = "notty";

  private static final Pattern MONITOR =
      Pattern.compile("(?:sshd|sshd-session): ([^\\s@\\[]+) \\[priv]");
  private static final Pattern CONNECTION =
      Pattern.compile("(?:sshd|sshd-session): ([^\\s@]+)@([^\\s@]+)");

  /** The title's meaning, or empty for every other process (and sshd's other titles). */
  static Optional<SshdProcessTitle> parse(String cmdline) {
    String title = cmdline.trim();
    Matcher monitor = MONITOR.matcher(title);
    if (monitor.matches()) {
      return Optional.of(new SshdProcessTitle(monitor.group(1), Role.MONITOR, List.of()));
    }
    Matcher connection = CONNECTION.matcher(title);
    if (connection.matches()) {
      return Optional.of(
          new SshdProcessTitle(
              connection.group(1), Role.CONNECTION, List.of(connection.group(2).split(","))));
    }
    return Optional.empty();
  }

  boolean isMonitorOf(String user) {
    return role == Role.MONITOR && this.user.equals(user);
  }

  boolean isConnectionOf(String user, String line) {
    return role == Role.CONNECTION && this.user.equals(user) && lines.contains(line);
  }
}
