package dev.sessionwatch.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The door a session came through: one tab of the console each. */
public enum SessionKind {
  PANEL,
  FTP,
  TERMINAL;

  /** The lower-case name used on the wire and in URLs ({@code ?kind=ftp}). */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  @JsonCreator
  public static SessionKind fromWire(String value) {
    for (SessionKind kind : values()) {
      if (kind.wireName().equals(value)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown session kind '" + value + "' (expected panel, ftp or terminal)");
  }
}
