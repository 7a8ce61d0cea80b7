package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.protocol.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One row of a session table: one session of one host, for as long as it lives. A refresh that
 * finds the session changed updates this row rather than replacing it, so a table keeps it selected
 * and in its sorted place. Only the {@link Fleet} changes it, on the FX thread.
 */
public final class SessionRow {
  private final SessionKey key;
  private final ReadOnlyObjectWrapper<Session> session;
  private final Instant arrivedAt;
  private AgentClock clock;

  /** Where the row is in its {@link SessionRowList}; -1 while in none. */
  int index = -1;

  SessionRow(Host host, Session session, AgentClock clock, Instant arrivedAt) {
    this.key = new SessionKey(host, session.id());
    this.arrivedAt = arrivedAt;
    this.session = new ReadOnlyObjectWrapper<>(this, "session", session);
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public SessionKey key() {
    return key;
  }

  public Host host() {
    return key.host();
  }

  /**
   * When the console first saw this session, on its clock; null for a session that was already
   * there when its host first answered, so a table marks only the sessions seen arriving.
   */
  public Optional<Instant> arrivedAt() {
    return Optional.ofNullable(arrivedAt);
  }

  /** The session as last listed; a change is a refresh that found it changed. */
  public ReadOnlyObjectProperty<Session> sessionProperty() {
    return session.getReadOnlyProperty();
  }

  public Session session() {
    return session.get();
  }

  /**
   * How long the session has been idle at {@code localNow} (the console's clock), measured on the
   * agent's clock; empty when the source does not know.
   */
  public Optional<Duration> idleAt(Instant localNow) {
    Instant idleSince = session().idleSince();
    if (idleSince == null) {
      return Optional.empty();
    }
    Duration idle = Duration.between(idleSince, clock.agentNow(localNow));
    return Optional.of(idle.isNegative() ? Duration.ZERO : idle);
  }

  /**
   * Takes the session as listed again. The clock is taken silently: any moment seen on both clocks
   * gives the same agent time, a newer one only follows a clock the agent's host has since set.
   *
   * @return whether the session changed
   */
  boolean update(Session listed, AgentClock listedClock) {
    clock = listedClock;
    Session current = session.get();
    if (listed == current || listed.equals(current)) {
      return false;
    }
    session.set(listed);
    return true;
  }

  @Override
  public String toString() {
    return "SessionRow[" + key.host().name() + " " + key.sessionId() + "]";
  }
}
