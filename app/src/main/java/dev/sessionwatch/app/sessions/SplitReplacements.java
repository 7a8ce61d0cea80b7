package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * Its source's rows, with a replacement of every row (what a new search is to a {@code
 * FilteredList}) announced as two changes: the new rows added in front, then the old ones removed.
 * A TableView answers any replacement by discarding every cell it has and making new ones, styled
 * from scratch, which costs a search most of its time; added and removed rows only reuse its cells.
 * Every other change passes as it is.
 */
final class SplitReplacements extends MirroredRows {
  SplitReplacements(ObservableList<SessionRow> source) {
    super(source);
  }

  @Override
  protected void sourceChanged(ListChangeListener.Change<? extends SessionRow> change) {
    if (replacesEveryRow(change)) {
      List<SessionRow> before = List.copyOf(view);
      List<? extends SessionRow> after = change.getList();
      if (!before.isEmpty() && !after.isEmpty()) {
        beginChange();
        view.addAll(0, after);
        nextAdd(0, after.size());
        endChange();
        beginChange();
        view.subList(after.size(), view.size()).clear();
        nextRemove(after.size(), before);
        endChange();
        return;
      }
      change.reset();
    }
    beginChange();
    try {
      follow(change);
    } finally {
      endChange();
    }
  }

  private boolean replacesEveryRow(ListChangeListener.Change<? extends SessionRow> change) {
    boolean every =
        change.next()
            && change.wasReplaced()
            && change.getFrom() == 0
            && change.getTo() == change.getList().size()
            && change.getRemovedSize() == view.size()
            && !change.next();
    change.reset();
    return every;
  }

  @Override
  public int getSourceIndex(int index) {
    return index;
  }

  @Override
  public int getViewIndex(int index) {
    return index;
  }
}
