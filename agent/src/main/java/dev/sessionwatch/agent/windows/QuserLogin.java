package dev.sessionwatch.agent.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code quser} (query user): a session with a logged-on user. The idle and logon
 * columns are kept as printed; {@link IdleTime} and {@link LogonTime} read them.
 *
 * @param current whether quser ran in this session (the agent's own, when it runs in one)
 * @param sessionName {@code console}, {@code rdp-tcp#3}; null when blank, as for a disconnected
 *     session
 * @param state the STATE column as printed ({@code Active}, {@code Disc}, {@code Getr.})
 * @param idle the IDLE TIME column as printed ({@code .}, {@code none}, {@code 5}, {@code 1:05},
 *     {@code 2+03:04})
 * @param logon the LOGON TIME column as printed, in the host's regional format
 */
record QuserLogin(
    boolean current,
    String user,
    String sessionName,
    int sessionId,
    String state,
    String idle,
    String logon) {

  /**
   * After the user name: an optional session name, the id, the state, the idle time (one word each)
   * and the logon time (the rest, which may hold spaces: {@code 3/25/2021 9:27 AM}).
   */
  private static final Pattern AFTER_USER =
      Pattern.compile("^\\s*(?:(\\S+)\\s+)?(\\d{1,9})\\s+(\\S+)\\s+(\\S+)\\s+(\\S.*?)\\s*$");

  /**
   * Reads quser's output.
   *
   * @throws IllegalArgumentException naming the first line that is not what quser prints
   */
  static List<QuserLogin> parse(String output) {
    List<QuserLogin> logins = new ArrayList<>();
    for (QueryTable.Row row : QueryTable.rows(output)) {
      Matcher m = AFTER_USER.matcher(row.rest());
      if (row.first().isEmpty() || !m.matches()) {
        throw new IllegalArgumentException(
            "line " + row.number() + " is not a user's session: " + row.rest().strip());
      }
      logins.add(
          new QuserLogin(
              row.current(),
              row.first(),
              m.group(1),
              Integer.parseInt(m.group(2)),
              m.group(3),
              m.group(4),
              m.group(5)));
    }
    return logins;
  }
}
