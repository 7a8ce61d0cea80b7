package dev.sessionwatch.agent.ftp;

import java.util.Optional;

/**
 * The title vsftpd gives its processes with {@code setproctitle_enable=YES}, as read from {@code
 * /proc/PID/cmdline} (vsftpd 3.0.3, Debian 12):
 *
 * <pre>
 * vsftpd: LISTENER                               the listener
 * vsftpd: 127.0.0.1: connected                   a session's leader (privileged part), all along
 * vsftpd: 127.0.0.1: not logged in               its unprivileged child before login
 * vsftpd: ::1/alice: IDLE                        the child after login, waiting for a command
 * vsftpd: 127.0.0.1/alice: RETR my file.bin      the child running a command, as sent (upper case)
 * </pre>
 *
 * <p>vsftpd writes unprintable bytes of the command (non-ASCII file names too) as {@code ?}, and
 * cuts the title at the length of its original command line and environment; neither can be undone
 * here.
 *
 * @param clientAddress the client's IP address as vsftpd printed it; null for the listener
 * @param user the login name; null for the listener, the session leader and before login
 * @param activity what follows the address: {@code connected}, {@code IDLE}, {@code RETR file}...
 */
record VsftpdProcessTitle(String clientAddress, String user, String activity) {

  static final String LISTENER = "LISTENER";

  private static final String PREFIX = "vsftpd: ";
  private static final String IDLE = "IDLE";

  /**
   * Parses a process's command line; empty when it is not a vsftpd title (setproctitle is off, so
   * it is the plain command line, or another program).
   */
  static Optional<VsftpdProcessTitle> parse(String cmdline) {
    if (cmdline == null || !cmdline.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = cmdline.substring(PREFIX.length());
    if (rest.equals(LISTENER)) {
      return Optional.of(new VsftpdProcessTitle(null, null, LISTENER));
    }
    // An IPv6 address holds colons but never ": ", and neither an address nor a login name holds
    // "/" or ": " (the name is one that logged in): the first ": " ends the client part.
    int colon = rest.indexOf(": ");
    if (colon <= 0) {
      return Optional.empty();
    }
    String client = rest.substring(0, colon);
    String activity = rest.substring(colon + 2);
    int slash = client.indexOf('/');
    String address = slash < 0 ? client : client.substring(0, slash);
    String user = slash < 0 ? null : client.substring(slash + 1);
    if (!address.matches("[0-9A-Fa-f.:]+") || "".equals(user) || activity.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new VsftpdProcessTitle(address, user, activity));
  }

  boolean isListener() {
    return clientAddress == null;
  }

  boolean isIdle() {
    return user != null && activity.equals(IDLE);
  }

  /** The FTP command being run, e.g. {@code RETR}; null while idle or before login. */
  String command() {
    if (user == null || isIdle()) {
      return null;
    }
    int space = activity.indexOf(' ');
    return space < 0 ? activity : activity.substring(0, space);
  }

  /** The command's argument (a file name may hold spaces); null when there is none. */
  String argument() {
    if (command() == null) {
      return null;
    }
    int space = activity.indexOf(' ');
    return space < 0 ? null : activity.substring(space + 1);
  }

  boolean isDownloading() {
    return "RETR".equals(command());
  }

  boolean isUploading() {
    String command = command();
    return "STOR".equals(command) || "STOU".equals(command) || "APPE".equals(command);
  }

  /** The session's state, in the words the other FTP sources use. */
  String state() {
    if (isDownloading()) {
      return "downloading";
    }
    if (isUploading()) {
      return "uploading";
    }
    if (isIdle()) {
      return "idle";
    }
    return user == null ? "authenticating" : "active";
  }
}
