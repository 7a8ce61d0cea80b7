package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionRow;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

/** Rows kept in a list of their own, which can follow each change of their source as it is. */
abstract class MirroredRows extends TransformationList<SessionRow, SessionRow> {
  /** The rows as this list shows them. */
  final List<SessionRow> view;

  MirroredRows(ObservableList<SessionRow> source) {
    super(source);
    view = new ArrayList<>(source);
  }

  @Override
  public final SessionRow get(int index) {
    return view.get(index);
  }

  @Override
  public final int size() {
    return view.size();
  }

  /** Makes the same change as the source's; call it between beginChange and endChange. */
  final void follow(ListChangeListener.Change<? extends SessionRow> change) {
    while (change.next()) {
      if (change.wasPermutated()) {
        int from = change.getFrom();
        int[] permutation = new int[change.getTo() - from];
        List<SessionRow> before = new ArrayList<>(view.subList(from, change.getTo()));
        for (int index = from; index < change.getTo(); index++) {
          permutation[index - from] = change.getPermutation(index);
          view.set(change.getPermutation(index), before.get(index - from));
        }
        nextPermutation(from, change.getTo(), permutation);
      } else if (change.wasUpdated()) {
        for (int index = change.getFrom(); index < change.getTo(); index++) {
          nextUpdate(index);
        }
      } else {
        if (change.wasRemoved()) {
          view.subList(change.getFrom(), change.getFrom() + change.getRemovedSize()).clear();
          nextRemove(change.getFrom(), change.getRemoved());
        }
        if (change.wasAdded()) {
          view.addAll(change.getFrom(), change.getAddedSubList());
          nextAdd(change.getFrom(), change.getTo());
        }
      }
    }
  }
}
