package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The three session tables, in tab order, sharing one ticking clock for idle times, one search and
 * one choice of servers.
 */
public final class SessionsViewModel {
  private final Clock clock;
  private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
  private final ObjectProperty<Predicate<Host>> hostFilter =
      new SimpleObjectProperty<>(this, "hostFilter", host -> true);
  private final ReadOnlyObjectWrapper<Instant> now;
  private final List<SessionTableViewModel> tables;

  /**
   * @param clock the console's clock; its zone is where times are shown
   */
  public SessionsViewModel(Fleet fleet, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
    ZoneId zone = clock.getZone();
    this.tables =
        Arrays.stream(SessionKind.values())
            .map(
                kind ->
                    new SessionTableViewModel(
                        kind,
                        fleet.sessions(kind),
                        fleet.hosts(),
                        now.getReadOnlyProperty(),
                        zone,
                        searchText,
                        hostFilter))
            .toList();
  }

  /** Panel, FTP, Terminal. */
  public List<SessionTableViewModel> tables() {
    return tables;
  }

  public SessionTableViewModel table(SessionKind kind) {
    return tables.get(kind.ordinal());
  }

  /** What the search box holds: every table shows the rows with it in a visible column. */
  public StringProperty searchTextProperty() {
    return searchText;
  }

  /**
   * Which servers' sessions the tables show; all by default. A server list sets it from its
   * selection; it combines with the search.
   */
  public ObjectProperty<Predicate<Host>> hostFilterProperty() {
    return hostFilter;
  }

  /** Where times are shown. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** Reads the clock again, so idle times move on between refreshes. */
  public void tick() {
    now.set(clock.instant());
  }
}
