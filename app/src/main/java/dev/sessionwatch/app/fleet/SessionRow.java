package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.protocol.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of a session table: a session of a host, with the clock of the list it came in.
 *
 * @param clock any moment seen on both clocks; an older one of the same host gives the same agent
 *     time, so a row whose session did not change keeps it
 */
public record SessionRow(Host host, Session session, AgentClock clock) {
  public SessionRow {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(session, "session");
    Objects.requireNonNull(clock, "clock");
  }

  public SessionKey key() {
    return new SessionKey(host, session.id());
  }

  /**
   * How long the session has been idle at {@code localNow} (the console's clock), measured on the
   * agent's clock; empty when the source does not know.
   */
  public Optional<Duration> idleAt(Instant localNow) {
    if (session.idleSince() == null) {
      return Optional.empty();
    }
    Duration idle = Duration.between(session.idleSince(), clock.agentNow(localNow));
    return Optional.of(idle.isNegative() ? Duration.ZERO : idle);
  }
}
