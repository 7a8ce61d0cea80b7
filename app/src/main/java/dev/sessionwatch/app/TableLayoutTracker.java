package dev.sessionwatch.app;

import dev.sessionwatch.app.settings.TableLayout;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

/**
 * Keeps one session table's column layout in the settings: applies the saved layout once, then
 * reports the layout again whenever the user moves, resizes, hides or shows a column, a moment
 * after the last change (a drag fires many). Use it on the FX thread.
 *
 * <p>What a layout is, and how it is read from and put on a table, is the table's business ({@code
 * SessionTable.captureLayout()} and {@code applyLayout(TableLayout)}); this only knows when.
 */
public final class TableLayoutTracker {
  private final TableView<?> view;
  private final Supplier<TableLayout> capture;
  private final PauseTransition quiet;
  private final InvalidationListener columnChanged = observable -> changed();
  private boolean applying;

  /**
   * @param capture reads the table's layout as it is now
   * @param changed takes the layout once the user has stopped changing it for {@code delay}
   */
  public TableLayoutTracker(
      TableView<?> view,
      Supplier<TableLayout> capture,
      Consumer<TableLayout> changed,
      Duration delay) {
    this.view = Objects.requireNonNull(view, "view");
    this.capture = Objects.requireNonNull(capture, "capture");
    this.quiet = new PauseTransition(delay);
    quiet.setOnFinished(event -> changed.accept(capture.get()));
    view.getColumns()
        .addListener(
            (ListChangeListener<TableColumn<?, ?>>)
                change -> {
                  while (change.next()) {
                    change.getRemoved().forEach(this::stopWatching);
                    change.getAddedSubList().forEach(this::watch);
                  }
                  changed();
                });
    view.getColumns().forEach(this::watch);
  }

  /** Puts a saved layout on the table; null leaves the table as it is. Not itself a change. */
  public void apply(TableLayout saved, Consumer<TableLayout> apply) {
    if (saved == null) {
      return;
    }
    applying = true;
    try {
      apply.accept(saved);
    } finally {
      applying = false;
    }
  }

  /** The layout now, for saving on close; any change still waiting is taken with it. */
  public TableLayout captureNow() {
    quiet.stop();
    return capture.get();
  }

  private void watch(TableColumn<?, ?> column) {
    column.widthProperty().addListener(columnChanged);
    column.visibleProperty().addListener(columnChanged);
  }

  private void stopWatching(TableColumn<?, ?> column) {
    column.widthProperty().removeListener(columnChanged);
    column.visibleProperty().removeListener(columnChanged);
  }

  private void changed() {
    if (!applying) {
      quiet.playFromStart();
    }
  }
}
