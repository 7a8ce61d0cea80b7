package dev.sessionwatch.agent.auth;

import dev.sessionwatch.protocol.Role;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A token as the agent stores it: its name, role and the SHA-256 of the secret, never the secret.
 *
 * @param sha256 lower-case hex SHA-256 of the secret's UTF-8 bytes
 */
public record Token(String name, Role role, String sha256, Instant created) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Token {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
    requireValidName(name);
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("token " + name + " has no valid sha256 hash");
    }
  }

  /** Checks a token name: letters, digits and {@code . _ @ -}, at most 64 characters. */
  public static String requireValidName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "invalid token name '"
              + name
              + "': use 1 to 64 letters, digits, '.', '_', '@' or '-', starting with a letter or"
              + " digit");
    }
    return name;
  }
}
