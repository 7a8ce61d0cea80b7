package dev.sessionwatch.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** What an operator may do to a session; each session lists the ones its source supports. */
public enum SessionAction {
  /** End the session outright (FTP and panel sessions). */
  END("End session"),
  /** Cut the connection; on a terminal, programs started outside the connection may survive. */
  DISCONNECT("Disconnect"),
  /** End the login and every process it started. */
  LOGOUT("Log out"),
  /**
   * Show the session's user a message, e.g. a warning before a log-out; the session goes on. The
   * only action that takes a parameter: its text, see {@link ActionRequest}.
   */
  MESSAGE("Send message");

  private final String label;

  SessionAction(String label) {
    this.label = label;
  }

  /** The words a person reads on a menu or button. */
  public String label() {
    return label;
  }

  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The action with this wire name, if there is one. */
  public static Optional<SessionAction> find(String wireName) {
    for (SessionAction action : values()) {
      if (action.wireName().equals(wireName)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  @JsonCreator
  static SessionAction fromWire(String value) {
    return find(value)
        .orElseThrow(() -> new IllegalArgumentException("unknown action '" + value + "'"));
  }
}
