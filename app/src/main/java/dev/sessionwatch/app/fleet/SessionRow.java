package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.protocol.Session;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
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

  /** Where the row is in its {@link SessionRowList}; -1 while in none. */
  int index = -1;

  /** What the row is in the changes its {@link SessionRowList} is holding back. */
  Held held = Held.NOTHING;

  /** The fleet's number of the last listing that had this session. */
  long listedIn;

  /** The text its table searches, made from the session; null until made, or since it changed. */
  private String searchText;

  private Object searchTextOf;

  SessionRow(Host host, Session session, Instant arrivedAt) {
    this.key = new SessionKey(host, session.id());
    this.arrivedAt = arrivedAt;
    this.session = new ReadOnlyObjectWrapper<>(this, "session", session);
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
   * agent's clock as of its host's latest listing; empty when the source does not know.
   */
  public Optional<Duration> idleAt(Instant localNow) {
    Instant idleSince = session().idleSince();
    AgentClock clock = host().listingClock();
    if (idleSince == null || clock == null) {
      return Optional.empty();
    }
    Duration idle = Duration.between(idleSince, clock.agentNow(localNow));
    return Optional.of(idle.isNegative() ? Duration.ZERO : idle);
  }

  /**
   * The text the row's table searches: made by {@code make} of the columns that {@code columns}
   * stands for (an object the table replaces when they change), and kept until the session or the
   * columns change. Kept here rather than in a map beside the rows: a search reads every row
   * anyway, and a look-up per row would cost more than the search itself.
   */
  public String searchText(Object columns, Function<SessionRow, String> make) {
    if (searchText == null || searchTextOf != columns) {
      searchText = make.apply(this);
      searchTextOf = columns;
    }
    return searchText;
  }

  /**
   * Takes the session as listed again.
   *
   * @return whether the session changed
   */
  boolean update(Session listed) {
    Session current = session.get();
    if (listed == current || listed.equals(current)) {
      return false;
    }
    session.set(listed);
    searchText = null;
    return true;
  }

  @Override
  public String toString() {
    return "SessionRow[" + key.host().name() + " " + key.sessionId() + "]";
  }

  /** A row's part in held changes: a removed row is not updated, an added one not removed. */
  enum Held {
    NOTHING,
    UPDATED,
    ADDED,
    REMOVED,
    NEVER_THERE
  }
}
