package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;

/**
 * The rows of its source that a search shows, in the source's order; it follows each change of the
 * source a row at a time. In place of JavaFX's {@code FilteredList} for two reasons:
 *
 * <ul>
 *   <li>A new search is announced as two changes: the rows now shown added in front, then the rows
 *       shown before removed. A TableView answers a replacement of every row by discarding every
 *       cell it has and making new ones, styled from scratch, which would cost a search most of its
 *       time; added and removed rows only reuse its cells. A search that shows the same rows as
 *       before announces nothing.
 *   <li>A new search reads the source's rows straight from its list, once. {@code FilteredList}
 *       copies every row it showed through an iterator and reads the source through another, which
 *       at fifty thousand rows costs more than testing them.
 * </ul>
 */
final class SearchedRows extends MirroredRows {
  private final List<SessionRow> sourceRows;

  /**
   * The source index of each row shown, in order: {@code view.get(i)} is source row {@code at[i]}.
   */
  private int[] at;

  private final ObjectProperty<Predicate<? super SessionRow>> predicate =
      new SimpleObjectProperty<>(this, "predicate", row -> true) {
        @Override
        protected void invalidated() {
          Objects.requireNonNull(get(), "predicate");
          search();
        }
      };

  SearchedRows(MirroredRows source) {
    super(source);
    sourceRows = source.view;
    at = new int[Math.max(16, view.size())];
    Arrays.setAll(at, index -> index);
  }

  /** Which rows are shown; every row until set. */
  ObjectProperty<Predicate<? super SessionRow>> predicateProperty() {
    return predicate;
  }

  @Override
  public int getSourceIndex(int index) {
    Objects.checkIndex(index, view.size());
    return at[index];
  }

  @Override
  public int getViewIndex(int index) {
    Objects.checkIndex(index, sourceRows.size());
    int found = Arrays.binarySearch(at, 0, view.size(), index);
    return found < 0 ? -1 : found;
  }

  /**
   * Tests every row of the source again. Between the two changes of a new search the rows shown
   * before follow the new ones, and {@link #getSourceIndex} answers for both.
   */
  private void search() {
    Matches found = matching(0, sourceRows.size());
    int before = view.size();
    if (Arrays.equals(at, 0, before, found.sourceIndices(), 0, found.rows().size())) {
      return;
    }
    if (!found.rows().isEmpty()) {
      beginChange();
      show(0, found);
      endChange();
    }
    if (before > 0) {
      beginChange();
      hide(found.rows().size(), view.size());
      endChange();
    }
  }

  @Override
  protected void sourceChanged(ListChangeListener.Change<? extends SessionRow> change) {
    beginChange();
    try {
      while (change.next()) {
        if (change.wasPermutated()) {
          permuted(change);
        } else if (change.wasUpdated()) {
          for (int index = change.getFrom(); index < change.getTo(); index++) {
            updated(index);
          }
        } else {
          removed(change.getFrom(), change.getRemovedSize());
          added(change.getFrom(), change.getAddedSize());
        }
      }
    } finally {
      endChange();
    }
  }

  /**
   * The source's rows from {@code from} to {@code to} that the search shows, with their indices.
   */
  private record Matches(int[] sourceIndices, List<SessionRow> rows) {}

  private Matches matching(int from, int to) {
    Predicate<? super SessionRow> test = predicate.get();
    int[] sourceIndices = new int[to - from];
    List<SessionRow> rows = new ArrayList<>(to - from);
    for (int index = from; index < to; index++) {
      SessionRow row = sourceRows.get(index);
      if (test.test(row)) {
        sourceIndices[rows.size()] = index;
        rows.add(row);
      }
    }
    return new Matches(sourceIndices, rows);
  }

  /** Shows {@code matches} from {@code position} on; call it between beginChange and endChange. */
  private void show(int position, Matches matches) {
    int count = matches.rows().size();
    if (count == 0) {
      return;
    }
    if (view.size() + count > at.length) {
      at = Arrays.copyOf(at, Math.max(at.length * 2, view.size() + count));
    }
    System.arraycopy(at, position, at, position + count, view.size() - position);
    System.arraycopy(matches.sourceIndices(), 0, at, position, count);
    view.addAll(position, matches.rows());
    nextAdd(position, position + count);
  }

  /**
   * Hides the rows shown from {@code start} to {@code end}; call it between beginChange and
   * endChange.
   */
  private void hide(int start, int end) {
    List<SessionRow> gone = new ArrayList<>(view.subList(start, end));
    view.subList(start, end).clear();
    System.arraycopy(at, end, at, start, view.size() - start);
    nextRemove(start, gone);
  }

  /** Where the first shown row at or after source index {@code sourceIndex} is, or would go. */
  private int firstAtOrAfter(int sourceIndex) {
    int found = Arrays.binarySearch(at, 0, view.size(), sourceIndex);
    return found < 0 ? -found - 1 : found;
  }

  private void removed(int from, int count) {
    if (count == 0) {
      return;
    }
    int start = firstAtOrAfter(from);
    int end = firstAtOrAfter(from + count);
    if (end > start) {
      hide(start, end);
    }
    shift(start, -count);
  }

  private void added(int from, int count) {
    if (count == 0) {
      return;
    }
    int start = firstAtOrAfter(from);
    shift(start, count);
    show(start, matching(from, from + count));
  }

  /** Moves the source indices of the rows shown from {@code position} on by {@code by}. */
  private void shift(int position, int by) {
    for (int index = position; index < view.size(); index++) {
      at[index] += by;
    }
  }

  /** A row whose values changed: it may now be shown, or no longer. */
  private void updated(int sourceIndex) {
    int position = firstAtOrAfter(sourceIndex);
    boolean wasShown = position < view.size() && at[position] == sourceIndex;
    SessionRow row = sourceRows.get(sourceIndex);
    boolean shown = predicate.get().test(row);
    if (wasShown && shown) {
      nextUpdate(position);
    } else if (wasShown) {
      hide(position, position + 1);
    } else if (shown) {
      show(position, new Matches(new int[] {sourceIndex}, List.of(row)));
    }
  }

  /** The source reordered its rows: the rows shown keep their rows, in the new order. */
  private void permuted(ListChangeListener.Change<? extends SessionRow> change) {
    int size = view.size();
    long[] moved = new long[size];
    for (int index = 0; index < size; index++) {
      int sourceIndex = at[index];
      boolean inRange = sourceIndex >= change.getFrom() && sourceIndex < change.getTo();
      int newIndex = inRange ? change.getPermutation(sourceIndex) : sourceIndex;
      moved[index] = ((long) newIndex << 32) | index;
    }
    Arrays.sort(moved);
    int[] permutation = new int[size];
    List<SessionRow> before = new ArrayList<>(view);
    for (int position = 0; position < size; position++) {
      int was = (int) moved[position];
      permutation[was] = position;
      at[position] = (int) (moved[position] >>> 32);
      view.set(position, before.get(was));
    }
    nextPermutation(0, size, permutation);
  }
}
