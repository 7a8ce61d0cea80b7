package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Rows in the order of a comparator, kept in order a row at a time: an updated row is looked up by
 * binary search and stays where it is unless its sort key changed, an added one is inserted where
 * it belongs, a removed one is taken out. JavaFX's {@code SortedList} sorts the whole list again
 * for every update, which at fleet scale (tens of thousands of rows, a refresh per host) is far too
 * slow. Rows that compare equal are ordered by host name and session id, so the order is total and
 * a row is found again exactly. Without a comparator the rows keep their source's order.
 */
final class SortedRows extends MirroredRows {
  /** A change touching more rows than this share of the list sorts everything again. */
  private static final int REBUILD_DIVISOR = 4;

  private static final Comparator<SessionRow> BY_KEY =
      Comparator.<SessionRow, String>comparing(row -> row.host().name())
          .thenComparing(row -> row.key().sessionId());

  private final ObjectProperty<Comparator<? super SessionRow>> comparator =
      new SimpleObjectProperty<>(this, "comparator") {
        @Override
        protected void invalidated() {
          Comparator<? super SessionRow> chosen = get();
          order = chosen == null ? null : total(chosen);
          reorder();
        }
      };
  private Comparator<SessionRow> order;

  SortedRows(ObservableList<SessionRow> source) {
    super(source);
  }

  /** The order of the rows; null for the source's order. */
  ObjectProperty<Comparator<? super SessionRow>> comparatorProperty() {
    return comparator;
  }

  /** Linear in the size of the list: nothing here needs it often. */
  @Override
  public int getSourceIndex(int index) {
    return order == null ? index : indexOfIdentical(getSource(), view.get(index));
  }

  /** Linear in the size of the list: nothing here needs it often. */
  @Override
  public int getViewIndex(int index) {
    return order == null ? index : indexOfIdentical(view, getSource().get(index));
  }

  @Override
  protected void sourceChanged(ListChangeListener.Change<? extends SessionRow> change) {
    beginChange();
    try {
      if (order == null) {
        follow(change);
      } else if (touched(change) > Math.max(16, view.size() / REBUILD_DIVISOR)) {
        replaceAll();
      } else {
        keepInOrder(change);
      }
    } finally {
      endChange();
    }
  }

  private void keepInOrder(ListChangeListener.Change<? extends SessionRow> change) {
    while (change.next()) {
      if (change.wasPermutated()) {
        continue; // the source's order does not matter here
      }
      if (change.wasUpdated()) {
        for (SessionRow row : change.getList().subList(change.getFrom(), change.getTo())) {
          updated(row);
        }
        continue;
      }
      for (SessionRow row : change.getRemoved()) {
        int at = find(row);
        view.remove(at);
        nextRemove(at, row);
      }
      for (SessionRow row : change.getAddedSubList()) {
        insert(row);
      }
    }
  }

  /** A row whose values changed: in place when it is still in order, else moved. */
  private void updated(SessionRow row) {
    int at = find(row);
    boolean inOrder =
        (at == 0 || order.compare(view.get(at - 1), row) < 0)
            && (at == view.size() - 1 || order.compare(row, view.get(at + 1)) < 0);
    if (inOrder) {
      nextUpdate(at);
    } else {
      view.remove(at);
      nextRemove(at, row);
      insert(row);
    }
  }

  private void insert(SessionRow row) {
    int search = Collections.binarySearch(view, row, order);
    int at = search < 0 ? -search - 1 : search;
    view.add(at, row);
    nextAdd(at, at + 1);
  }

  /**
   * Where the row is: found by binary search while its sort key is the one it was placed by, else
   * (its key changed, or a column that follows the clock moved on) by looking at every row.
   */
  private int find(SessionRow row) {
    int search = Collections.binarySearch(view, row, order);
    if (search >= 0 && view.get(search) == row) {
      return search;
    }
    int at = indexOfIdentical(view, row);
    if (at < 0) {
      throw new IllegalStateException(row + " is not among the sorted rows");
    }
    return at;
  }

  /** Sorts every row again, as one change replacing the whole list. */
  private void replaceAll() {
    List<SessionRow> before = new ArrayList<>(view);
    view.clear();
    view.addAll(getSource());
    if (order != null) {
      view.sort(order);
    }
    nextRemove(0, before);
    nextAdd(0, view.size());
  }

  /** A new comparator: the same rows, permuted. */
  private void reorder() {
    Map<SessionRow, Integer> before = new IdentityHashMap<>();
    for (int index = 0; index < view.size(); index++) {
      before.put(view.get(index), index);
    }
    view.clear();
    view.addAll(getSource());
    if (order != null) {
      view.sort(order);
    }
    int[] permutation = new int[view.size()];
    for (int index = 0; index < view.size(); index++) {
      permutation[before.get(view.get(index))] = index;
    }
    beginChange();
    nextPermutation(0, view.size(), permutation);
    endChange();
  }

  /** {@code chosen}, with rows it finds equal ordered by host name and session id. */
  private static Comparator<SessionRow> total(Comparator<? super SessionRow> chosen) {
    Comparator<SessionRow> first = chosen::compare;
    return first.thenComparing(BY_KEY);
  }

  private static int touched(ListChangeListener.Change<? extends SessionRow> change) {
    int touched = 0;
    while (change.next()) {
      touched +=
          change.wasUpdated()
              ? change.getTo() - change.getFrom()
              : change.getRemovedSize() + change.getAddedSize();
    }
    change.reset();
    return touched;
  }

  private static int indexOfIdentical(List<? extends SessionRow> rows, SessionRow row) {
    for (int index = 0; index < rows.size(); index++) {
      if (rows.get(index) == row) {
        return index;
      }
    }
    return -1;
  }
}
