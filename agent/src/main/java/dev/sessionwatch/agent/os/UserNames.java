package dev.sessionwatch.agent.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names of users by user id, from a passwd file ({@code NAME:PASSWORD:UID:GID:...} per line).
 *
 * <p>Only local users are known: Java cannot call getpwuid(3), so users of a directory service
 * (LDAP, sssd) that are not in the file stay unnamed.
 */
public final class UserNames {

  public static final Path DEFAULT_FILE = Path.of("/etc/passwd");

  private final Map<Long, String> byUid;

  private UserNames(Map<Long, String> byUid) {
    this.byUid = Map.copyOf(byUid);
  }

  /**
   * Parses a passwd file's text. Lines that are not entries (comments, NIS {@code +} lines,
   * malformed ones) are skipped; of a uid given twice, the first name counts, as for getpwuid(3).
   */
  public static UserNames parse(String passwd) {
    Map<Long, String> byUid = new HashMap<>();
    for (String line : passwd.split("\n")) {
      String[] fields = line.split(":", -1);
      if (fields.length < 7 || fields[0].isEmpty() || fields[0].startsWith("+")) {
        continue;
      }
      try {
        byUid.putIfAbsent(Long.parseLong(fields[2]), fields[0]);
      } catch (NumberFormatException e) {
        // not an entry
      }
    }
    return new UserNames(byUid);
  }

  public static UserNames read(Path file) throws IOException {
    return parse(Files.readString(file));
  }

  public Optional<String> name(long uid) {
    return Optional.ofNullable(byUid.get(uid));
  }
}
