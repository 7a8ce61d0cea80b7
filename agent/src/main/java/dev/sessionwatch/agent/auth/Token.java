package dev.sessionwatch.agent.auth;

import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A token as the agent stores it: its name, role, limits and the SHA-256 of the secret, never the
 * secret.
 *
 * @param sha256 lower-case hex SHA-256 of the secret's UTF-8 bytes
 * @param kinds the session kinds the token may see and act on; null for all (tokens files written
 *     before limits existed have none)
 * @param actions the actions an operator token may take; null for all
 */
public record Token(
    String name,
    Role role,
    String sha256,
    Instant created,
    Set<SessionKind> kinds,
    Set<SessionAction> actions) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  public Token {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
    requireValidName(name);
    if (sha256 == null || !HEX.matcher(sha256).matches()) {
      throw new IllegalArgumentException("token " + name + " has no valid sha256 hash");
    }
    kinds = limit(kinds, SessionKind.class, "kinds", name);
    actions = limit(actions, SessionAction.class, "actions", name);
    if (actions != null && !role.mayAct()) {
      throw new IllegalArgumentException(
          "token " + name + " is a viewer token: only operator tokens take actions to limit");
    }
  }

  /** An unlimited token of this role. */
  public Token(String name, Role role, String sha256, Instant created) {
    this(name, role, sha256, created, null, null);
  }

  /**
   * A short, stable handle for {@code token list} and {@code token revoke}: derived from the hash
   * by hashing it again, so it reveals nothing of it, and needs no field in older tokens files.
   */
  public String id() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("sessionwatch token id " + sha256).getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JRE has SHA-256", e);
    }
  }

  /** Whether the token may see (and, by its role, act on) sessions of this kind. */
  public boolean maySee(SessionKind kind) {
    return kinds == null || kinds.contains(kind);
  }

  /** The kinds the token may see: all of them unless limited. */
  public Set<SessionKind> visibleKinds() {
    return kinds == null ? EnumSet.allOf(SessionKind.class) : EnumSet.copyOf(kinds);
  }

  /** Whether the token may take this action: an operator token not limited to other actions. */
  public boolean mayTake(SessionAction action) {
    return role.mayAct() && (actions == null || actions.contains(action));
  }

  /** The actions the token may take, in declaration order; none for a viewer. */
  public Set<SessionAction> permittedActions() {
    EnumSet<SessionAction> permitted = EnumSet.noneOf(SessionAction.class);
    for (SessionAction action : SessionAction.values()) {
      if (mayTake(action)) {
        permitted.add(action);
      }
    }
    return permitted;
  }

  /** The limits for a person: {@code kinds ftp,panel; actions end}, or {@code none}. */
  public String describeLimits() {
    if (kinds == null && actions == null) {
      return "none";
    }
    StringBuilder text = new StringBuilder();
    if (kinds != null) {
      text.append("kinds ").append(visibleKindNames());
    }
    if (actions != null) {
      text.append(text.length() > 0 ? "; " : "").append("actions ").append(permittedActionNames());
    }
    return text.toString();
  }

  /** The kinds it may see as wire names, e.g. {@code panel,ftp}. */
  public String visibleKindNames() {
    return words(visibleKinds(), SessionKind::wireName);
  }

  /** The actions it may take as wire names, e.g. {@code end}; empty for a viewer. */
  public String permittedActionNames() {
    return words(permittedActions(), SessionAction::wireName);
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

  /** Comma-separated wire names in declaration order, e.g. {@code panel,ftp}. */
  private static <E extends Enum<E>> String words(
      Collection<E> values, Function<E, String> wireName) {
    return values.stream().sorted().map(wireName).collect(Collectors.joining(","));
  }

  /** A limit as an unmodifiable set in declaration order (so files list it stably), or null. */
  private static <E extends Enum<E>> Set<E> limit(
      Set<E> values, Class<E> type, String what, String name) {
    if (values == null) {
      return null;
    }
    if (values.isEmpty() || values.contains(null)) {
      throw new IllegalArgumentException(
          "token " + name + " limits " + what + " to nothing: leave the limit out for all");
    }
    EnumSet<E> copy = EnumSet.noneOf(type);
    copy.addAll(values);
    return Collections.unmodifiableSet(copy);
  }
}
