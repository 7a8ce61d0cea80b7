package dev.sessionwatch.app.fleet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javafx.collections.ObservableListBase;

/**
 * The rows of one kind of session, changed by the fleet one host's answer at a time, each answer as
 * one change however many rows it touched: the sorted and filtered views, the tables and their
 * selection handle a refresh once, not once per row. Each row knows its own index, so an update is
 * found without a search. Between {@link #hold} and {@link #release} the changes of several answers
 * are gathered and announced as one. Use it on the FX thread only.
 */
final class SessionRowList extends ObservableListBase<SessionRow> {
  private final ArrayList<SessionRow> rows = new ArrayList<>();

  /** The changes gathered since {@link #hold}; null when each change is announced at once. */
  private HeldChange held;

  @Override
  public SessionRow get(int index) {
    return rows.get(index);
  }

  @Override
  public int size() {
    return rows.size();
  }

  /**
   * Removes {@code removed}, marks {@code updated} (whose session has just changed) as updated and
   * appends {@code added}, as one change; no change at all when the three are empty.
   */
  void change(
      Collection<SessionRow> removed,
      Collection<SessionRow> updated,
      Collection<SessionRow> added) {
    if (removed.isEmpty() && updated.isEmpty() && added.isEmpty()) {
      return;
    }
    if (held != null) {
      held.gather(removed, updated, added);
      return;
    }
    beginChange();
    try {
      removeRows(removed);
      // In ascending order, as every report here: JavaFX's change builder then appends each to
      // the change, where out of order it inserts each among the others, quadratic in their count.
      updated.stream().mapToInt(row -> row.index).sorted().forEach(this::nextUpdate);
      if (!added.isEmpty()) {
        int from = rows.size();
        for (SessionRow row : added) {
          row.index = rows.size();
          rows.add(row);
        }
        nextAdd(from, rows.size());
      }
    } finally {
      endChange();
    }
  }

  /** Gathers the changes from now on, until {@link #release}. */
  void hold() {
    held = new HeldChange();
  }

  /**
   * Announces the changes gathered since {@link #hold} as one, and announces each at once again.
   */
  void release() {
    HeldChange gathered = held;
    held = null;
    if (gathered != null) {
      gathered.take(this);
    }
  }

  /** Removes the rows in one pass. */
  private void removeRows(Collection<SessionRow> removed) {
    if (removed.isEmpty()) {
      return;
    }
    int lowest = rows.size();
    for (SessionRow row : removed) {
      lowest = Math.min(lowest, row.index);
      row.index = -1;
    }
    List<SessionRow> gone = new ArrayList<>();
    List<Integer> goneAt = new ArrayList<>();
    int kept = lowest;
    for (int index = lowest; index < rows.size(); index++) {
      SessionRow row = rows.get(index);
      if (row.index == -1) {
        gone.add(row);
        goneAt.add(index);
      } else {
        row.index = kept;
        rows.set(kept++, row);
      }
    }
    rows.subList(kept, rows.size()).clear();
    // Each at its index once the ones before it are gone.
    for (int index = 0; index < gone.size(); index++) {
      nextRemove(goneAt.get(index) - index, gone.get(index));
    }
  }

  /**
   * Changes gathered from several answers, as one: a row added and then removed was never there, a
   * row updated several times is updated once, a removed row is no longer updated. Each row notes
   * its part in the batch ({@link SessionRow#held}), so gathering a refresh of thousands of rows
   * appends each to a list rather than hashing it into a set.
   */
  private static final class HeldChange {
    private final List<SessionRow> removed = new ArrayList<>();
    private final List<SessionRow> updated = new ArrayList<>();
    private final List<SessionRow> added = new ArrayList<>();

    void gather(
        Collection<SessionRow> removedNow,
        Collection<SessionRow> updatedNow,
        Collection<SessionRow> addedNow) {
      for (SessionRow row : removedNow) {
        if (row.held == SessionRow.Held.ADDED) {
          row.held = SessionRow.Held.NEVER_THERE;
        } else {
          row.held = SessionRow.Held.REMOVED;
          removed.add(row);
        }
      }
      for (SessionRow row : updatedNow) {
        if (row.held == SessionRow.Held.NOTHING) {
          row.held = SessionRow.Held.UPDATED;
          updated.add(row);
        }
      }
      for (SessionRow row : addedNow) {
        row.held = SessionRow.Held.ADDED;
        added.add(row);
      }
    }

    /** The rows still updated or added, in the order first gathered; each row forgets its part. */
    void take(SessionRowList list) {
      List<SessionRow> stillUpdated = still(updated, SessionRow.Held.UPDATED);
      List<SessionRow> stillAdded = still(added, SessionRow.Held.ADDED);
      removed.forEach(row -> row.held = SessionRow.Held.NOTHING);
      updated.forEach(row -> row.held = SessionRow.Held.NOTHING);
      added.forEach(row -> row.held = SessionRow.Held.NOTHING);
      list.change(removed, stillUpdated, stillAdded);
    }

    private static List<SessionRow> still(List<SessionRow> rows, SessionRow.Held part) {
      return rows.stream().filter(row -> row.held == part).toList();
    }
  }
}
