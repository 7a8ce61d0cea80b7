package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.fleet.SessionKey;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.app.settings.TableLayout;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
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
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * The table of one kind of session, bound to its view model. Double-click or Enter opens a row,
 * Ctrl+C copies the selected rows as text, and the column menu hides and shows columns.
 */
public final class SessionTable {
  private static final PseudoClass IDLE = PseudoClass.getPseudoClass("idle");
  private static final PseudoClass NEW = PseudoClass.getPseudoClass("new");
  private static final KeyCombination COPY =
      new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

  /** Starting widths, in proportion to each other; a column without one gets the default. */
  private static final Map<String, Double> WIDTHS =
      Map.ofEntries(
          Map.entry("server", 110.0),
          Map.entry("panel", 90.0),
          Map.entry("type", 90.0),
          Map.entry("status", 110.0),
          Map.entry("login", 120.0),
          Map.entry("user", 120.0),
          Map.entry("domain", 120.0),
          Map.entry("location", 130.0),
          Map.entry("file", 150.0),
          Map.entry("speed", 100.0),
          Map.entry("progress", 150.0),
          Map.entry("address", 150.0),
          Map.entry("from", 160.0),
          Map.entry("line", 90.0),
          Map.entry("logon-time", 110.0),
          Map.entry("idle-time", 80.0));

  private final SessionTableViewModel viewModel;
  private final TableView<SessionRow> table = new TableView<>();
  private Consumer<SessionRow> onOpen = row -> {};

  public SessionTable(SessionTableViewModel viewModel) {
    this.viewModel = viewModel;
    table.setId(viewModel.kind().wireName() + "-table");
    table.getStyleClass().add("session-table");
    table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    // Columns share the window's width in proportion to their starting widths: no sideways scroll.
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    table.setTableMenuButtonVisible(true);
    for (SessionColumn<?> column : viewModel.columns()) {
      TableColumn<SessionRow, ?> tableColumn = column(column);
      tableColumn.visibleProperty().bindBidirectional(viewModel.visibleProperty(column.id()));
      table.getColumns().add(tableColumn);
    }
    SelectionByKey selection = new SelectionByKey();
    // Listeners run in the order added: the selection model's, added by setItems, runs between.
    viewModel.rows().addListener(selection.beforeItemsChange);
    table.setItems(viewModel.rows());
    viewModel.rows().addListener(selection.afterItemsChange);
    table.getSelectionModel().getSelectedItems().addListener(selection.selectionChange);
    // A new search shows other rows: start at the selected one, else at the top. Left scrolled far
    // down, the table would lay out hundreds of empty rows below the end of a short result.
    viewModel.filterProperty().addListener((filter, before, now) -> showSelectedOrTop());
    // The view model keeps its rows in the table's order; nothing is left for the table to sort.
    viewModel.comparatorProperty().bind(table.comparatorProperty().map(tableOrder -> rowOrder()));
    table.setSortPolicy(sorted -> true);
    Label placeholder = new Label();
    placeholder.getStyleClass().add("placeholder-text");
    placeholder.setWrapText(true);
    placeholder.textProperty().bind(viewModel.emptyTextProperty());
    table.setPlaceholder(placeholder);
    table.setRowFactory(view -> new SessionTableRow());
    table.addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
  }

  public TableView<SessionRow> node() {
    return table;
  }

  public SessionTableViewModel viewModel() {
    return viewModel;
  }

  /** What double-click and Enter do with a row: open its details. */
  public void setOnOpen(Consumer<SessionRow> action) {
    onOpen = Objects.requireNonNull(action, "action");
  }

  /** The rows selected now, in the table's order. */
  public List<SessionRow> selectedRows() {
    return table.getSelectionModel().getSelectedItems().stream().filter(Objects::nonNull).toList();
  }

  /** Puts the selected rows on the clipboard as text: the visible columns, tab-separated. */
  public void copySelected() {
    copy(viewModel.copyText(selectedRows()));
  }

  /** Puts {@code text} on the system clipboard. */
  static void copy(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }

  /** The columns as the user arranged them: display order, widths and which are shown. */
  public TableLayout captureLayout() {
    return new TableLayout(
        table.getColumns().stream()
            .map(
                column ->
                    new TableLayout.Column(column.getId(), column.getWidth(), column.isVisible()))
            .toList());
  }

  /**
   * Arranges the columns as {@code layout} says. Columns it does not name keep their default width,
   * visibility and place; ids it names that this table lacks are ignored.
   */
  public void applyLayout(TableLayout layout) {
    Map<String, TableColumn<SessionRow, ?>> byId =
        table.getColumns().stream()
            .collect(Collectors.toMap(TableColumn::getId, Function.identity()));
    table.getColumns().setAll(viewModel.columnOrder(layout).stream().map(byId::get).toList());
    for (TableLayout.Column saved : layout.columns()) {
      TableColumn<SessionRow, ?> column = byId.get(saved.id());
      if (column != null) {
        if (saved.width() > 0) {
          column.setPrefWidth(saved.width());
        }
        column.setVisible(saved.visible());
      }
    }
  }

  private void keyPressed(KeyEvent event) {
    if (event.getCode() == KeyCode.ENTER && !selectedRows().isEmpty()) {
      onOpen.accept(focusedOrFirstSelected());
      event.consume();
    } else if (COPY.match(event) && !selectedRows().isEmpty()) {
      copySelected();
      event.consume();
    }
  }

  private SessionRow focusedOrFirstSelected() {
    SessionRow focused = table.getFocusModel().getFocusedItem();
    return focused != null && table.getSelectionModel().getSelectedItems().contains(focused)
        ? focused
        : selectedRows().get(0);
  }

  private void showSelectedOrTop() {
    int selected = table.getSelectionModel().getSelectedIndex();
    if (selected >= 0) {
      table.scrollTo(selected);
    } else if (table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) {
      // Not the table's scrollTo, which first lays out every row at the old place, then again at
      // the top: the flow lays out the top once, in the next pulse.
      flow.scrollToTop(0);
    }
  }

  /**
   * The table's sort order, comparing values read straight from the rows: the table's own
   * comparator makes an observable cell value for each row of every comparison.
   */
  private Comparator<SessionRow> rowOrder() {
    Comparator<SessionRow> order = null;
    for (TableColumn<SessionRow, ?> column : table.getSortOrder()) {
      SessionColumn<?> spec = viewModel.column(column.getId());
      Comparator<SessionRow> byColumn =
          (a, b) -> compareValues(spec.current().apply(a), spec.current().apply(b));
      if (column.getSortType() == TableColumn.SortType.DESCENDING) {
        byColumn = byColumn.reversed();
      }
      order = order == null ? byColumn : order.thenComparing(byColumn);
    }
    return order;
  }

  private static <T> TableColumn<SessionRow, T> column(SessionColumn<T> spec) {
    TableColumn<SessionRow, T> column = new TableColumn<>(spec.title());
    column.setId(spec.id());
    column.setCellValueFactory(cell -> spec.value().apply(cell.getValue()));
    column.setCellFactory(view -> new SessionCell<>(spec));
    column.setComparator(SessionTable::compareValues);
    Double width = WIDTHS.get(spec.id());
    if (width != null) {
      column.setPrefWidth(width);
    }
    return column;
  }

  /**
   * The table's default order of cell values (unknown first, then ascending), but with text
   * compared ignoring case rather than through a {@code Collator}, which is far too slow for tens
   * of thousands of rows.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof String text && b instanceof String other) {
      return String.CASE_INSENSITIVE_ORDER.compare(text, other);
    }
    if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
      return comparable.compareTo(b);
    }
    return a.toString().compareTo(b.toString());
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

    /** Whether the table still selects and focuses exactly the rows remembered. */
    private boolean stillSelected() {
      List<SessionRow> selected = table.getSelectionModel().getSelectedItems();
      if (selected.size() != selectedKeys.size()) {
        return false;
      }
      for (SessionRow row : selected) {
        if (row == null || !selectedKeys.contains(row.key())) {
          return false;
        }
      }
      SessionRow focused = table.getFocusModel().getFocusedItem();
      return Objects.equals(focused == null ? null : focused.key(), focusedKey);
    }

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
      if (stillSelected()) {
        itemsChanging = false; // e.g. rows updated in place: nothing moved, nothing to search
        return;
      }
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

  /** Marks idle and new sessions, again whenever the clock ticks; opens a row on double-click. */
  private final class SessionTableRow extends TableRow<SessionRow> {
    private final InvalidationListener clockTicked = observable -> updateState();

    SessionTableRow() {
      viewModel.now().addListener(new WeakInvalidationListener(clockTicked));
      setOnMouseClicked(
          event -> {
            if (event.getButton() == MouseButton.PRIMARY
                && event.getClickCount() == 2
                && !isEmpty()
                && getItem() != null) {
              onOpen.accept(getItem());
            }
          });
    }

    @Override
    protected void updateItem(SessionRow row, boolean empty) {
      super.updateItem(row, empty);
      updateState();
    }

    private void updateState() {
      SessionRow row = getItem();
      boolean shown = row != null && !isEmpty();
      pseudoClassStateChanged(IDLE, shown && viewModel.isIdle(row));
      pseudoClassStateChanged(NEW, shown && viewModel.isNew(row));
    }
  }
}
