package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/**
 * The three session tables, in tab order, sharing one ticking clock for idle times and one search.
 */
public final class SessionsViewModel {
  private final Clock clock;
  private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
  private final ReadOnlyObjectWrapper<Instant> now;
  private final List<SessionTableViewModel> tables;

  /**
   * @param clock the console's clock; its zone is where times are shown
   */
  public SessionsViewModel(Fleet fleet, Clock clock) {
    this(fleet.hosts(), kind -> fleet.sessions(kind), clock);
  }

  /**
   * Tables of some of the fleet's hosts, e.g. those selected in the server list.
   *
   * @param hosts the hosts shown, to say why a table is empty
   * @param sessions the sessions of each kind shown
   */
  public SessionsViewModel(
      ObservableList<Host> hosts,
      Function<SessionKind, ObservableList<SessionRow>> sessions,
      Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.now = new ReadOnlyObjectWrapper<>(this, "now", clock.instant());
    ZoneId zone = clock.getZone();
    this.tables =
        Arrays.stream(SessionKind.values())
            .map(
                kind ->
                    new SessionTableViewModel(
                        kind,
                        sessions.apply(kind),
                        hosts,
                        now.getReadOnlyProperty(),
                        zone,
                        searchText))
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

  /** Where times are shown. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** Reads the clock again, so idle times move on between refreshes. */
  public void tick() {
    now.set(clock.instant());
  }
}
