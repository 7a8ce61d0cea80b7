package dev.sessionwatch.agent.ftp;

import java.util.Locale;

/** What the vsftpd source needs from vsftpd's configuration file ({@code vsftpd.conf(5)}). */
final class VsftpdConfigFile {

  private static final String PROCESS_TITLES = "setproctitle_enable";

  private VsftpdConfigFile() {}

  /**
   * Whether the file turns process titles on. vsftpd reads {@code name=value} lines without spaces
   * around the {@code =}, ignores {@code #} comments, lets a later line win, takes YES, TRUE and 1
   * (any case) as true, and defaults {@value #PROCESS_TITLES} to NO.
   */
  static boolean setsProcessTitles(String text) {
    boolean on = false;
    for (String line : text.split("\r?\n")) {
      if (line.startsWith(PROCESS_TITLES + "=")) {
        String value = line.substring(PROCESS_TITLES.length() + 1).strip();
        on =
            switch (value.toUpperCase(Locale.ROOT)) {
              case "YES", "TRUE", "1" -> true;
              default -> false;
            };
      }
    }
    return on;
  }
}
