package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.Session;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.beans.value.ObservableValue;

/**
 * One column of a session table: what it shows of a row and how it reads. The value keeps its own
 * type (an {@code Instant}, a {@code Duration}, a rate) so the column sorts by it, not by its text.
 *
 * @param id stable, for tests and for remembering the user's column layout
 * @param value the row's value, observable when it changes without the row changing (idle time),
 *     for a cell to follow
 * @param current the row's value now, read without observing it (searching, copying)
 * @param text how a non-null value reads; null always reads as an empty cell
 * @param changesOnlyWithTheSession whether the text changes only when the row's session does (a
 *     field of the session, the server), not with the ticking clock, so a search may keep it
 * @param couldContain whether the column's text could contain a (lower-case) search query at all;
 *     false spares a search formatting it for every row
 */
public record SessionColumn<T>(
    String id,
    String title,
    Function<SessionRow, ObservableValue<T>> value,
    Function<SessionRow, T> current,
    Function<T, String> text,
    Presentation presentation,
    boolean changesOnlyWithTheSession,
    Predicate<String> couldContain) {

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
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(presentation, "presentation");
    Objects.requireNonNull(couldContain, "couldContain");
  }

  /** A column of a field of the session, following the row when a refresh changes it. */
  static <T> SessionColumn<T> of(
      String id,
      String title,
      Function<Session, T> field,
      Function<T, String> text,
      Presentation presentation) {
    return new SessionColumn<>(
        id,
        title,
        row -> row.sessionProperty().map(field),
        row -> field.apply(row.session()),
        text,
        presentation,
        true,
        query -> true);
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
    return format(current.apply(row));
  }
}
