package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionKey;
import dev.sessionwatch.app.fleet.SessionRow;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.InvalidationListener;
import javafx.beans.WeakInvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The table of one kind of session, bound to its view model. */
public final class SessionTable {
  private static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");

  /** Starting widths, in proportion to each other; a column without one gets the default. */
  private static final Map<String, Double> WIDTHS =
      Map.ofEntries(
          Map.entry("server", 110.0),
          Map.entry("type", 90.0),
          Map.entry("status", 100.0),
          Map.entry("login", 120.0),
          Map.entry("user", 120.0),
          Map.entry("domain", 140.0),
          Map.entry("location", 160.0),
          Map.entry("file", 170.0),
          Map.entry("speed", 90.0),
          Map.entry("progress", 110.0),
          Map.entry("address", 150.0),
          Map.entry("from", 160.0),
          Map.entry("line", 90.0),
          Map.entry("logon-time", 110.0),
          Map.entry("idle-time", 80.0));

  private final SessionTableViewModel viewModel;
  private final TableView<SessionRow> table = new TableView<>();

  public SessionTable(SessionTableViewModel viewModel) {
    this.viewModel = viewModel;
    table.setId(viewModel.kind().wireName() + "-table");
    table.getStyleClass().add("session-table");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    // Columns share the window's width in proportion to their starting widths: no sideways scroll.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    for (SessionColumn<?> column : viewModel.columns()) {
      table.getColumns().add(column(column));
    }
    SelectionByKey selection = new SelectionByKey();
    // Listeners run in the order added: the selection model's, added by setItems, runs between.
    viewModel.rows().addListener(selection.beforeItemsChange);
    table.setItems(viewModel.rows());
    viewModel.rows().addListener(selection.afterItemsChange);
    table.getSelectionModel().getSelectedItems().addListener(selection.selectionChange);
    viewModel.rows().comparatorProperty().bind(table.comparatorProperty());
    Label placeholder = new Label();
    placeholder.getStyleClass().add("placeholder-text");
    placeholder.setWrapText(true);
    placeholder.textProperty().bind(viewModel.emptyTextProperty());
    table.setPlaceholder(placeholder);
    table.setRowFactory(view -> new SessionTableRow());
  }

  public TableView<SessionRow> node() {
    return table;
  }

  private static <T> TableColumn<SessionRow, T> column(SessionColumn<T> spec) {
    TableColumn<SessionRow, T> column = new TableColumn<>(spec.title());
    column.setId(spec.id());
    column.setCellValueFactory(cell -> spec.value().apply(cell.getValue()));
    column.setCellFactory(view -> new SessionCell<>(spec));
    Double width = WIDTHS.get(spec.id());
    if (width != null) {
      column.setPrefWidth(width);
    }
    return column;
  }

  /**
   * Keeps the same sessions selected and focused when rows are added, removed, updated or
   * re-sorted. A TableView tracks its selection by index and, given several changes at once on a
   * sorted list, selects whatever rows end up at the old indices; this puts the selection back by
   * {@link SessionKey}.
   */
  private final class SelectionByKey {
    private Set<SessionKey> selectedKeys = Set.of();
    private SessionKey focusedKey;
    private boolean itemsChanging;

    final ListChangeListener<SessionRow> beforeItemsChange = change -> itemsChanging = true;

    final ListChangeListener<SessionRow> afterItemsChange = change -> restore();

    final ListChangeListener<SessionRow> selectionChange =
        change -> {
          if (!itemsChanging) {
            remember();
          }
        };

    private void remember() {
      selectedKeys =
          table.getSelectionModel().getSelectedItems().stream()
              .filter(Objects::nonNull)
              .map(SessionRow::key)
              .collect(Collectors.toUnmodifiableSet());
      SessionRow focused = table.getFocusModel().getFocusedItem();
      focusedKey = focused == null ? null : focused.key();
    }

    private void restore() {
      try {
        List<SessionRow> rows = table.getItems();
        int[] selected =
            IntStream.range(0, rows.size())
                .filter(index -> selectedKeys.contains(rows.get(index).key()))
                .toArray();
        TableView.TableViewSelectionModel<SessionRow> model = table.getSelectionModel();
        model.clearSelection();
        if (selected.length > 0) {
          model.selectIndices(selected[0], Arrays.copyOfRange(selected, 1, selected.length));
        }
        IntStream.range(0, rows.size())
            .filter(index -> rows.get(index).key().equals(focusedKey))
            .findFirst()
            .ifPresent(index -> table.getFocusModel().focus(index));
      } finally {
        itemsChanging = false;
      }
      remember();
    }
  }

  /** A cell that reads its value through its column; a bar for progress. */
  private static final class SessionCell<T> extends TableCell<SessionRow, T> {
    private final SessionColumn<T> spec;
    private final ProgressBar bar = new ProgressBar();
    private final Label barText = new Label();
    private final HBox barPane = new HBox(bar, barText);

    SessionCell(SessionColumn<T> spec) {
      this.spec = spec;
      switch (spec.presentation()) {
        case NUMBER -> getStyleClass().add("number-cell");
        case PROGRESS -> {
          getStyleClass().add("progress-cell");
          bar.setMaxWidth(Double.MAX_VALUE);
          bar.setMinWidth(20);
          HBox.setHgrow(bar, Priority.ALWAYS);
          barText.setMinWidth(Region.USE_PREF_SIZE);
          barPane.setAlignment(Pos.CENTER_LEFT);
          barPane.getStyleClass().add("progress-pane");
        }
        case TEXT -> {}
      }
    }

    @Override
    protected void updateItem(T item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(null);
        setGraphic(null);
      } else if (spec.presentation() == SessionColumn.Presentation.PROGRESS
          && item instanceof Number fraction) {
        bar.setProgress(fraction.doubleValue());
        barText.setText(spec.format(item));
        setText(null);
        setGraphic(barPane);
      } else {
        setText(spec.format(item));
        setGraphic(null);
      }
    }
  }

  /** Marks idle sessions, again whenever the clock ticks. */
  private final class SessionTableRow extends TableRow<SessionRow> {
    private final InvalidationListener clockTicked = observable -> updateState();

    SessionTableRow() {
      viewModel.now().addListener(new WeakInvalidationListener(clockTicked));
    }

    @Override
    protected void updateItem(SessionRow row, boolean empty) {
      super.updateItem(row, empty);
      updateState();
    }

    private void updateState() {
      SessionRow row = getItem();
      pseudoClassStateChanged(IDLE, row != null && !isEmpty() && viewModel.isIdle(row));
    }
  }
}
