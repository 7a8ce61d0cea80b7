package dev.sessionwatch.app.details;

import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.format.HumanReadable;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Subscription;

/**
 * Everything the agent sent about one session, as labelled, readable fields, and the actions it
 * allows. Follows the row until {@link #close}: a refresh or the clock's tick updates it. Knows no
 * controls; tested without the toolkit.
 */
public final class SessionDetailsViewModel {
  private final SessionRow row;
  private final ObservableValue<Instant> now;
  private final DateTimeFormatter timeFormat;
  private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
  private final ObservableList<DetailField> fields = FXCollections.observableArrayList();
  private final ObservableList<DetailField> attributes = FXCollections.observableArrayList();
  private final ObservableList<SessionAction> actions = FXCollections.observableArrayList();
  private final Subscription following;

  /**
   * @param now the console's clock, ticking, for the idle time
   * @param zone where times are shown
   */
  public SessionDetailsViewModel(SessionRow row, ObservableValue<Instant> now, ZoneId zone) {
    this.row = Objects.requireNonNull(row, "row");
    this.now = Objects.requireNonNull(now, "now");
    this.timeFormat =
        DateTimeFormatter.ofPattern("d MMM uuuu HH:mm:ss", Locale.ENGLISH).withZone(zone);
    following =
        row.sessionProperty()
            .subscribe(this::read)
            .and(now.subscribe(instant -> fields.setAll(fieldsOf(row.session()))));
  }

  /** Stops following the row and the clock: the dialog has closed. */
  public void close() {
    following.unsubscribe();
  }

  public SessionRow row() {
    return row;
  }

  /** Why the console's token may not take this action on the session's host; empty when it may. */
  public Optional<String> refusal(SessionAction action) {
    return row.host().refusal(action);
  }

  /** {@code alice on web01}. */
  public ReadOnlyStringProperty titleProperty() {
    return title.getReadOnlyProperty();
  }

  /** Every field the agent sent, labelled, in a fixed order; unknown ones left out. */
  public ObservableList<DetailField> fields() {
    return fields;
  }

  /** The source's further raw fields, by name, as sent. */
  public ObservableList<DetailField> attributes() {
    return attributes;
  }

  /** What may be done to the session, mildest first. */
  public ObservableList<SessionAction> actions() {
    return actions;
  }

  private void read(Session session) {
    title.set(
        (session.user() != null ? session.user() : "Unknown user") + " on " + row.host().name());
    fields.setAll(fieldsOf(session));
    attributes.setAll(
        session.attributes().entrySet().stream()
            .map(entry -> new DetailField(entry.getKey(), entry.getValue()))
            .toList());
    actions.setAll(
        List.of(
                SessionAction.MESSAGE,
                SessionAction.DISCONNECT,
                SessionAction.LOGOUT,
                SessionAction.END)
            .stream()
            .filter(session::allows)
            .toList());
  }

  private List<DetailField> fieldsOf(Session session) {
    List<DetailField> list = new ArrayList<>();
    add(list, "Server", row.host().name());
    add(list, "Kind", kindLabel(session));
    add(list, "Source", session.source());
    add(list, "Session id", session.id());
    add(list, "User", session.user());
    add(list, "User type", session.userType());
    add(list, "IP address", session.clientAddress());
    add(list, "Remote host", session.remoteHost());
    add(list, "Terminal line", session.line());
    add(list, "Panel", session.panel());
    add(list, "Status", session.state());
    add(list, "Logon time", session.loginTime(), timeFormat::format);
    row.idleAt(now.getValue())
        .ifPresent(
            idle ->
                add(
                    list,
                    "Idle time",
                    HumanReadable.duration(idle)
                        + " (since "
                        + timeFormat.format(session.idleSince())
                        + ")"));
    add(list, "Domain", session.domain());
    add(list, "Current location", session.currentDirectory());
    add(list, "Current file", session.currentFile());
    add(list, "Current command", session.currentCommand());
    add(list, "Command started", session.commandStartTime(), timeFormat::format);
    add(list, "Previous command", session.previousCommand());
    add(list, "Speed", session.transferRateBytesPerSecond(), HumanReadable::rate);
    add(list, "Progress", session.progress(), HumanReadable::percent);
    add(list, "Sent", session.bytesSent(), SessionDetailsViewModel::bytes);
    add(list, "Received", session.bytesReceived(), SessionDetailsViewModel::bytes);
    add(list, "Last reply code", session.lastReplyCode(), String::valueOf);
    return list;
  }

  /** {@code 1.2 MB (1,234,567 bytes)}: readable, and exact for whoever compares with a log. */
  private static String bytes(Long bytes) {
    String readable = HumanReadable.bytes(bytes);
    return bytes < 1000
        ? readable
        : String.format(Locale.ENGLISH, "%s (%,d bytes)", readable, bytes);
  }

  private static String kindLabel(Session session) {
    return switch (session.kind()) {
      case PANEL -> "Control panel";
      case FTP -> "FTP";
      case TERMINAL -> "Terminal";
    };
  }

  private static void add(List<DetailField> list, String label, String value) {
    if (value != null && !value.isBlank()) {
      list.add(new DetailField(label, value));
    }
  }

  private static <T> void add(
      List<DetailField> list, String label, T value, Function<T, String> format) {
    if (value != null) {
      list.add(new DetailField(label, format.apply(value)));
    }
  }
}
