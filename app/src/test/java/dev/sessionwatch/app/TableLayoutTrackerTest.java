package dev.sessionwatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.settings.TableLayout;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** On the FX thread, with a plain table and a layout read straight from its columns. */
class TableLayoutTrackerTest {
  private final List<TableLayout> reported = new CopyOnWriteArrayList<>();
  private TableView<String> table;
  private TableLayoutTracker tracker;

  @BeforeEach
  void createTable() throws Exception {
    FxToolkit.registerPrimaryStage();
    WaitForAsyncUtils.asyncFx(
            () -> {
              table = new TableView<>();
              for (String id : List.of("server", "login", "file")) {
                TableColumn<String, String> column = new TableColumn<>(id);
                column.setId(id);
                table.getColumns().add(column);
              }
              tracker =
                  new TableLayoutTracker(
                      table, this::layoutOf, reported::add, Duration.millis(100));
            })
        .get();
  }

  private TableLayout layoutOf() {
    return new TableLayout(
        table.getColumns().stream()
            .map(
                column ->
                    new TableLayout.Column(
                        column.getId(), column.getPrefWidth(), column.isVisible()))
            .toList());
  }

  @Test
  void reportsTheLayoutOnceAfterABurstOfChanges() throws Exception {
    WaitForAsyncUtils.asyncFx(
            () -> {
              table.getColumns().get(2).setVisible(false);
              table.getColumns().add(0, table.getColumns().remove(1));
            })
        .get();

    WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !reported.isEmpty());
    Thread.sleep(300);
    assertThat(reported).hasSize(1);
    assertThat(reported.get(0).columns())
        .extracting(TableLayout.Column::id, TableLayout.Column::visible)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("login", true),
            org.assertj.core.groups.Tuple.tuple("server", true),
            org.assertj.core.groups.Tuple.tuple("file", false));
  }

  @Test
  void applyingTheSavedLayoutIsNotAChange() throws Exception {
    TableLayout saved = new TableLayout(List.of(new TableLayout.Column("file", 80, false)));
    WaitForAsyncUtils.asyncFx(
            () ->
                tracker.apply(
                    saved,
                    layout ->
                        table.getColumns().stream()
                            .filter(column -> column.getId().equals("file"))
                            .forEach(column -> column.setVisible(false))))
        .get();

    Thread.sleep(300);
    assertThat(reported).isEmpty();
    assertThat(table.getColumns().get(2).isVisible()).isFalse();
  }
}
