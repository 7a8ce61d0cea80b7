package dev.sessionwatch.protocol;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Locale;

/**
 * One line of the agent's audit log: an action asked for through the API, allowed or not, and about
 * to be taken.
 *
 * @param tokenName the name of the token used, or null when none was valid; never the token
 * @param action the action word as asked, which may not be a known action
 * @param user the session's user, when the session was found
 * @param status the HTTP status the agent answered
 * @param message the outcome in words
 */
public record AuditEntry(
    Instant time,
    String tokenName,
    String clientAddress,
    String sessionId,
    String action,
    String user,
    String source,
    Outcome outcome,
    int status,
    String message) {

  /** How an asked-for action ended. */
  public enum Outcome {
    /**
     * About to be carried out: written before the agent acts, so an action the log cannot record is
     * never taken; its outcome follows in a later entry.
     */
    REQUESTED,
    /** Carried out. */
    DONE,
    /** Not attempted: bad token, wrong role, unknown or gone session, action not offered. */
    REFUSED,
    /** Attempted and failed. */
    FAILED;

    @JsonValue
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static Outcome fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }
}
