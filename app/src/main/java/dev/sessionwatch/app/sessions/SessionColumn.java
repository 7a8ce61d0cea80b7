package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.Session;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.value.ObservableValue;

/**
 * One column of a session table: what it shows of a row and how it reads. The value keeps its own
 * type (an {@code Instant}, a {@code Duration}, a rate) so the column sorts by it, not by its text.
 *
 * @param id stable, for tests and for remembering the user's column layout
 * @param value the row's value, observable when it changes without the row changing (idle time)
 * @param text how a non-null value reads; null always reads as an empty cell
 * @param field the value read straight from the session, for a column that shows a field of it;
 *     null for a column whose value depends on more (the server, the ticking clock)
 */
public record SessionColumn<T>(
    String id,
    String title,
    Function<SessionRow, ObservableValue<T>> value,
    Function<T, String> text,
    Presentation presentation,
    Function<Session, T> field) {

  /** How a cell shows its value. */
  public enum Presentation {
    TEXT,
    /** Right-aligned, so magnitudes line up. */
    NUMBER,
    /** A bar for a fraction from 0 to 1, with the percentage on it. */
    PROGRESS
  }

  public SessionColumn {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(presentation, "presentation");
  }

  /** A column whose value is not only a field of the session. */
  public SessionColumn(
      String id,
      String title,
      Function<SessionRow, ObservableValue<T>> value,
      Function<T, String> text,
      Presentation presentation) {
    this(id, title, value, text, presentation, null);
  }

  /** A column of a field of the session, following the row when a refresh changes it. */
  static <T> SessionColumn<T> of(
      String id,
      String title,
      Function<Session, T> field,
      Function<T, String> text,
      Presentation presentation) {
    return new SessionColumn<>(
        id, title, row -> row.sessionProperty().map(field), text, presentation, field);
  }

  /** A text column of a string field of the session. */
  static SessionColumn<String> text(String id, String title, Function<Session, String> field) {
    return of(id, title, field, Function.identity(), Presentation.TEXT);
  }

  /** How {@code value} reads in a cell; empty for an unknown (null) value. */
  public String format(T value) {
    return value == null ? "" : text.apply(value);
  }

  /** How this column reads for {@code row} now. */
  public String textOf(SessionRow row) {
    return format(field != null ? field.apply(row.session()) : value.apply(row).getValue());
  }

  /** Whether the column reads only the session, so its text changes only with the session. */
  public boolean readsOnlyTheSession() {
    return field != null;
  }
}
