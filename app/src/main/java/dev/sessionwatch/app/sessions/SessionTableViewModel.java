package dev.sessionwatch.app.sessions;

import static dev.sessionwatch.app.sessions.SessionColumn.Presentation.NUMBER;
import static dev.sessionwatch.app.sessions.SessionColumn.Presentation.PROGRESS;
import static dev.sessionwatch.app.sessions.SessionColumn.Presentation.TEXT;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.format.HumanReadable;
import dev.sessionwatch.app.settings.TableLayout;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.ObservableList;

/**
 * The state of one session table (Panel, FTP or Terminal): its rows, columns, title and what it
 * says when empty. Knows no controls; tested without the toolkit.
 */
public final class SessionTableViewModel {
  static final Duration DEFAULT_IDLE_THRESHOLD = Duration.ofMinutes(15);

  /** How long a session seen arriving stays marked as new. */
  static final Duration NEW_FOR = Duration.ofSeconds(5);

  /** FTP's protocol-level columns: there for whoever wants them, out of the way of the others. */
  private static final Set<String> HIDDEN_BY_DEFAULT =
      Set.of("bytes-sent", "bytes-received", "command", "previous-command", "reply-code");

  private final SessionKind kind;
  private final ObservableValue<Instant> now;
  private final DateTimeFormatter logonTimeFormat;
  private final SortedRows sortedRows;
  private final SearchedRows shownRows;
  private final List<SessionColumn<?>> columns;
  private final Map<String, BooleanProperty> visible = new LinkedHashMap<>();
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper(this, "emptyText");
  private final ObjectProperty<Duration> idleThreshold =
      new SimpleObjectProperty<>(this, "idleThreshold", DEFAULT_IDLE_THRESHOLD);

  /** Stands for the visible columns: replaced whenever a column is shown or hidden. */
  private Object visibleColumns = new Object();

  /**
   * @param rows the fleet's sessions of {@code kind}
   * @param hosts the fleet's hosts, to say why the table is empty
   * @param now the console's clock, ticking, for idle times
   * @param zone where logon times are shown
   * @param searchText rows are shown whose visible columns contain it, ignoring case
   */
  SessionTableViewModel(
      SessionKind kind,
      ObservableList<SessionRow> rows,
      ObservableList<Host> hosts,
      ObservableValue<Instant> now,
      ZoneId zone,
      ObservableValue<String> searchText) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.now = Objects.requireNonNull(now, "now");
    // The UI is in English; the year is left out, as sessions rarely outlive one.
    this.logonTimeFormat =
        DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH).withZone(zone);
    // Sorted below the search, so a search only filters rows already in order.
    this.sortedRows = new SortedRows(rows);
    this.shownRows = new SearchedRows(sortedRows);
    this.columns = columnsFor(kind);
    for (SessionColumn<?> column : columns) {
      visible.put(
          column.id(),
          new SimpleBooleanProperty(
              this, column.id() + "Visible", !HIDDEN_BY_DEFAULT.contains(column.id())));
    }
    visible.values().forEach(shown -> shown.addListener(changed -> visibleColumns = new Object()));
    Observable[] filterInputs =
        Stream.concat(Stream.of(searchText), visible.values().stream()).toArray(Observable[]::new);
    shownRows
        .predicateProperty()
        .bind(Bindings.createObjectBinding(() -> filter(searchText.getValue()), filterInputs));
    title.bind(
        Bindings.createStringBinding(() -> label(kind) + " (" + shownRows.size() + ")", shownRows));
    // Whether there are rows at all, kept apart so that a refresh does not word the text again.
    BooleanProperty anyRows = new SimpleBooleanProperty(!sortedRows.isEmpty());
    sortedRows.addListener((Observable rowsChanged) -> anyRows.set(!sortedRows.isEmpty()));
    emptyText.bind(
        Bindings.createStringBinding(
            () -> anyRows.get() ? noneMatches(searchText.getValue()) : emptyText(hosts),
            hosts,
            anyRows,
            searchText));
  }

  public SessionKind kind() {
    return kind;
  }

  /** The rows to show, in the order of {@link #comparatorProperty}. */
  public ObservableList<SessionRow> rows() {
    return shownRows;
  }

  /** Which rows the search shows; it changes with the search text and the visible columns. */
  public ObservableValue<Predicate<? super SessionRow>> filterProperty() {
    return shownRows.predicateProperty();
  }

  /** The order of the rows, null for the order they came in; a view binds its sort order here. */
  public ObjectProperty<Comparator<? super SessionRow>> comparatorProperty() {
    return sortedRows.comparatorProperty();
  }

  public List<SessionColumn<?>> columns() {
    return columns;
  }

  /** The tab title with the count, e.g. {@code FTP (3)}. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Why there are no rows, in words. */
  public ReadOnlyStringProperty emptyTextProperty() {
    return emptyText.getReadOnlyProperty();
  }

  /** Sessions idle this long or longer are marked. */
  public ObjectProperty<Duration> idleThresholdProperty() {
    return idleThreshold;
  }

  /** The console's clock as the table last saw it; a view re-marks rows when it ticks. */
  public ObservableValue<Instant> now() {
    return now;
  }

  /** The column with this id. */
  public SessionColumn<?> column(String columnId) {
    return columns.stream()
        .filter(column -> column.id().equals(columnId))
        .findFirst()
        .orElseThrow(() -> noColumn(columnId));
  }

  /** Whether the column with this id is shown; the view's column menu toggles it. */
  public BooleanProperty visibleProperty(String columnId) {
    BooleanProperty property = visible.get(columnId);
    if (property == null) {
      throw noColumn(columnId);
    }
    return property;
  }

  private IllegalArgumentException noColumn(String columnId) {
    return new IllegalArgumentException("no column '" + columnId + "' in the " + kind + " table");
  }

  /** The columns shown, in their default order. */
  public List<SessionColumn<?>> visibleColumns() {
    return columns.stream().filter(column -> visible.get(column.id()).get()).toList();
  }

  /**
   * Rows of this kind to show: with {@code searchText} in one of their visible columns, ignoring
   * case.
   */
  Predicate<SessionRow> filter(String searchText) {
    String query = searchText == null ? "" : searchText.strip().toLowerCase(Locale.ROOT);
    if (query.isEmpty()) {
      return row -> true;
    }
    List<SessionColumn<?>> searched = visibleColumns();
    List<SessionColumn<?>> kept =
        searched.stream().filter(SessionColumn::changesOnlyWithTheSession).toList();
    List<SessionColumn<?>> formatted =
        searched.stream()
            .filter(column -> !column.changesOnlyWithTheSession())
            .filter(column -> column.couldContain().test(query))
            .toList();
    Object columns = visibleColumns;
    Function<SessionRow, String> makeText = row -> searchText(row, kept);
    return row -> {
      if (row.searchText(columns, makeText).contains(query)) {
        return true;
      }
      for (SessionColumn<?> column : formatted) {
        if (column.textOf(row).toLowerCase(Locale.ROOT).contains(query)) {
          return true;
        }
      }
      return false;
    };
  }

  /**
   * The row's text in the visible columns that change only with its session, lower-cased, one line
   * each; the row keeps it until its session or the visible columns change, so that searching as
   * one types does not format every cell of every row again.
   */
  private static String searchText(SessionRow row, List<SessionColumn<?>> columns) {
    StringBuilder text = new StringBuilder();
    for (SessionColumn<?> column : columns) {
      text.append(column.textOf(row).toLowerCase(Locale.ROOT)).append('\n');
    }
    return text.toString();
  }

  /** The rows as text, one line each, their visible columns separated by tabs. */
  public String copyText(List<SessionRow> rows) {
    List<SessionColumn<?>> shown = visibleColumns();
    return rows.stream()
        .map(
            row ->
                shown.stream().map(column -> column.textOf(row)).collect(Collectors.joining("\t")))
        .collect(Collectors.joining("\n"));
  }

  /**
   * The column ids in the order {@code layout} gives: its known columns in its order, and each
   * column it does not name after the one that precedes it by default. Unknown ids are ignored.
   */
  public List<String> columnOrder(TableLayout layout) {
    List<String> defaults = columns.stream().map(SessionColumn::id).toList();
    List<String> order = new ArrayList<>();
    for (TableLayout.Column column : layout.columns()) {
      if (defaults.contains(column.id()) && !order.contains(column.id())) {
        order.add(column.id());
      }
    }
    for (int index = 0; index < defaults.size(); index++) {
      String id = defaults.get(index);
      if (!order.contains(id)) {
        order.add(index == 0 ? 0 : order.indexOf(defaults.get(index - 1)) + 1, id);
      }
    }
    return order;
  }

  /** Whether {@code row} arrived within the last few seconds, after its host was first listed. */
  public boolean isNew(SessionRow row) {
    return row.arrivedAt()
        .map(at -> Duration.between(at, now.getValue()).compareTo(NEW_FOR) < 0)
        .orElse(false);
  }

  /** Whether {@code row} has been idle at least the threshold. */
  public boolean isIdle(SessionRow row) {
    return row.idleAt(now.getValue())
        .map(idle -> idle.compareTo(idleThreshold.get()) >= 0)
        .orElse(false);
  }

  private static String label(SessionKind kind) {
    return switch (kind) {
      case PANEL -> "Panel";
      case FTP -> "FTP";
      case TERMINAL -> "Terminal";
    };
  }

  /** Why a table with rows shows none: the search hides them all. */
  private String noneMatches(String search) {
    String sessions =
        switch (kind) {
          case PANEL -> "panel session";
          case FTP -> "FTP session";
          case TERMINAL -> "terminal session";
        };
    return "No " + sessions + " matches “" + search.strip() + "”.";
  }

  private String emptyText(List<Host> hosts) {
    if (hosts.isEmpty()) {
      return "No server to watch.";
    }
    List<Host> answered = hosts.stream().filter(host -> host.status().isOnline()).toList();
    if (answered.isEmpty()) {
      if (hosts.stream().allMatch(host -> host.status().state() == HostStatus.State.CONNECTING)) {
        return "Waiting for the servers to answer…";
      }
      return "No server answered: "
          + hosts.stream()
              .map(host -> host.name() + ": " + host.status().describe())
              .collect(Collectors.joining("; "));
    }
    String where =
        hosts.size() == 1
            ? hosts.get(0).name()
            : answered.size() == hosts.size() ? "these servers" : "the servers that answered";
    String noWorkingSource = noWorkingSource(answered, where);
    if (noWorkingSource != null) {
      return noWorkingSource;
    }
    return switch (kind) {
      case PANEL -> "No one is logged in to a control panel on " + where + ".";
      case FTP -> "No one is logged in over FTP on " + where + ".";
      case TERMINAL -> "No one is logged in on a terminal on " + where + ".";
    };
  }

  /**
   * Why none of these hosts can list sessions of this kind, when that is so: an empty table must
   * not read as "no one is logged in" when nothing could have seen them.
   */
  private String noWorkingSource(List<Host> answered, String where) {
    if (answered.stream().anyMatch(host -> host.sources() == null)) {
      return null; // not described yet
    }
    List<String> unavailable = new ArrayList<>();
    for (Host host : answered) {
      for (SourceStatus source : host.sources()) {
        if (source.kind() != kind) {
          continue;
        }
        if (source.available()) {
          return null;
        }
        String detail = source.detail() == null ? "" : " (" + source.detail() + ")";
        unavailable.add((answered.size() == 1 ? "" : host.name() + " ") + source.name() + detail);
      }
    }
    String sourceOf = "No " + noun(kind) + " source";
    if (unavailable.isEmpty()) {
      return sourceOf + " is enabled on " + where + ".";
    }
    return sourceOf + " works on " + where + ": " + String.join("; ", unavailable);
  }

  private static String noun(SessionKind kind) {
    return switch (kind) {
      case PANEL -> "control panel";
      case FTP -> "FTP";
      case TERMINAL -> "terminal";
    };
  }

  private List<SessionColumn<?>> columnsFor(SessionKind kind) {
    SessionColumn<String> server =
        new SessionColumn<>(
            "server",
            "Server",
            row -> row.host().nameProperty(),
            row -> row.host().name(),
            s -> s,
            TEXT,
            true, // a row never changes host, nor a host its name
            query -> true);
    SessionColumn<String> type = SessionColumn.text("type", "Type", Session::userType);
    SessionColumn<String> status = SessionColumn.text("status", "Status", Session::state);
    SessionColumn<String> login = SessionColumn.text("login", "Login", Session::user);
    SessionColumn<String> address =
        SessionColumn.text("address", "IP address", Session::clientAddress);
    SessionColumn<Instant> logonTime =
        SessionColumn.of(
            "logon-time", "Logon time", Session::loginTime, logonTimeFormat::format, TEXT);
    SessionColumn<Duration> idleTime =
        new SessionColumn<>(
            "idle-time",
            "Idle time",
            // Lazy: nothing listens to the clock or the row until a cell shows the value.
            row ->
                row.sessionProperty()
                    .flatMap(session -> now.map(instant -> row.idleAt(instant).orElse(null))),
            row -> row.idleAt(now.getValue()).orElse(null),
            HumanReadable::duration,
            NUMBER,
            false,
            HumanReadable::couldBeDuration);
    return switch (kind) {
      case PANEL ->
          List.of(
              server,
              SessionColumn.text("panel", "Panel", Session::panel),
              type,
              login,
              address,
              logonTime,
              idleTime);
      case FTP ->
          List.of(
              server,
              type,
              status,
              login,
              SessionColumn.text("domain", "Domain", Session::domain),
              SessionColumn.text("location", "Current location", Session::currentDirectory),
              SessionColumn.text("file", "File", Session::currentFile),
              SessionColumn.of(
                  "speed",
                  "Speed",
                  Session::transferRateBytesPerSecond,
                  HumanReadable::rate,
                  NUMBER),
              SessionColumn.of(
                  "progress", "Progress", Session::progress, HumanReadable::percent, PROGRESS),
              address,
              logonTime,
              idleTime,
              SessionColumn.of(
                  "bytes-sent", "Sent", Session::bytesSent, HumanReadable::bytes, NUMBER),
              SessionColumn.of(
                  "bytes-received",
                  "Received",
                  Session::bytesReceived,
                  HumanReadable::bytes,
                  NUMBER),
              SessionColumn.text("command", "Command", Session::currentCommand),
              SessionColumn.text("previous-command", "Previous command", Session::previousCommand),
              SessionColumn.of(
                  "reply-code", "Last reply", Session::lastReplyCode, String::valueOf, NUMBER));
      case TERMINAL ->
          List.of(
              server,
              status,
              SessionColumn.text("line", "Session", Session::line),
              SessionColumn.text("user", "User", Session::user),
              SessionColumn.text("from", "From", SessionTableViewModel::from),
              logonTime,
              idleTime);
    };
  }

  /** Where a terminal login came from: the remote host name, else the address. */
  private static String from(Session session) {
    return session.remoteHost() != null ? session.remoteHost() : session.clientAddress();
  }
}
