package dev.sessionwatch.agent.windows;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code qwinsta} (query session): every session, with or without a user, including
 * session 0 (services) and the listeners.
 *
 * @param name {@code services}, {@code console}, {@code rdp-tcp#3}, {@code rdp-tcp}; empty for a
 *     disconnected session
 * @param user the logged-on user; null when none
 * @param state the STATE column as printed
 */
record WinStation(String name, String user, int id, String state) {

  /** After the session name: an optional user (which may hold spaces), the id and the state. */
  private static final Pattern AFTER_NAME =
      Pattern.compile("^\\s*(?:(\\S.*?)\\s+)?(\\d{1,9})\\s+(\\S+)(?:\\s.*)?$");

  /**
   * Reads qwinsta's output.
   *
   * @throws IllegalArgumentException naming the first line that is not what qwinsta prints
   */
  static List<WinStation> parse(String output) {
    List<WinStation> stations = new ArrayList<>();
    for (QueryTable.Row row : QueryTable.rows(output)) {
      Matcher m = AFTER_NAME.matcher(row.rest());
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "line " + row.number() + " is not a session: " + row.rest().strip());
      }
      stations.add(
          new WinStation(row.first(), m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
    }
    return stations;
  }

  /** Whether a user is logged on in it; session 0, listeners and login screens have none. */
  boolean hasUser() {
    return user != null;
  }
}
