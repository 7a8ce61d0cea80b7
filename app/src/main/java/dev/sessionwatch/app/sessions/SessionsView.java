package dev.sessionwatch.app.sessions;

import dev.sessionwatch.app.actions.SessionActions;
import dev.sessionwatch.app.actions.SessionActionsViewModel;
import dev.sessionwatch.app.details.SessionDetailsDialog;
import dev.sessionwatch.app.details.SessionDetailsViewModel;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;
import org.controlsfx.control.textfield.TextFields;

/**
 * The three session tabs, Panel, FTP and Terminal, each titled with its count, under a bar with the
 * actions on the selected sessions and the search box. Right-click, double-click and the keys
 * (Enter, Delete, Ctrl+C, Ctrl+F) act on the table in view.
 */
public final class SessionsView {
  private static final KeyCombination FIND =
      new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

  private final SessionsViewModel viewModel;
  private final SessionActions actions;
  private final BorderPane root = new BorderPane();
  private final TabPane tabs = new TabPane();
  private final TextField search = TextFields.createClearableTextField();
  private final Map<SessionKind, SessionTable> tables = new EnumMap<>(SessionKind.class);

  public SessionsView(SessionsViewModel viewModel, SessionActionsViewModel actionsViewModel) {
    this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    this.actions = new SessionActions(actionsViewModel, this::window);
    root.getStyleClass().add("sessions-view");
    tabs.setId("session-tabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    for (SessionTableViewModel tableViewModel : viewModel.tables()) {
      SessionTable table = new SessionTable(tableViewModel);
      tables.put(tableViewModel.kind(), table);
      wire(table);
      Tab tab = new Tab();
      tab.setId(tableViewModel.kind().wireName() + "-tab");
      tab.textProperty().bind(tableViewModel.titleProperty());
      tab.setContent(table.node());
      tab.setUserData(table);
      tabs.getTabs().add(tab);
    }
    tabs.getSelectionModel().selectedItemProperty().subscribe(tab -> syncSelection());
    root.setTop(bar());
    root.setCenter(tabs);
    root.sceneProperty().subscribe(this::addFindKey);
  }

  public BorderPane node() {
    return root;
  }

  /** The table of one kind, e.g. to save and restore its column layout. */
  public SessionTable table(SessionKind kind) {
    return tables.get(kind);
  }

  private HBox bar() {
    List<Node> children = new ArrayList<>(actions.toolbarButtons());
    Button details = new Button("Details");
    details.setId("details-button");
    details.disableProperty().bind(Bindings.isEmpty(actions.viewModel().selection()));
    details.setOnAction(event -> openDetails(actions.viewModel().selection().get(0)));
    children.add(details);
    Pane spacer = new Pane();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    children.add(spacer);
    search.setId("search-field");
    search.setPromptText("Search all columns (Ctrl+F)");
    search.setPrefColumnCount(22);
    search.textProperty().bindBidirectional(viewModel.searchTextProperty());
    children.add(search);
    HBox bar = new HBox();
    bar.setId("sessions-bar");
    bar.getStyleClass().add("sessions-bar");
    bar.getChildren().setAll(children);
    return bar;
  }

  private void wire(SessionTable table) {
    table.setOnOpen(this::openDetails);
    table
        .node()
        .getSelectionModel()
        .getSelectedItems()
        .addListener((ListChangeListener<SessionRow>) change -> syncSelection());
    table
        .node()
        .addEventHandler(
            KeyEvent.KEY_PRESSED,
            event -> {
              if (event.getCode() == KeyCode.DELETE) {
                actions.endSelected();
                event.consume();
              }
            });
    // Built at each request, for the selection then; a ContextMenu set on the table would be
    // checked for items before its onShowing could fill them.
    ContextMenu menu = new ContextMenu();
    menu.setId(table.viewModel().kind().wireName() + "-menu");
    table
        .node()
        .setOnContextMenuRequested(
            event -> {
              menu.getItems().setAll(menuItems(table));
              if (!menu.getItems().isEmpty()) {
                menu.show(table.node(), event.getScreenX(), event.getScreenY());
              }
              event.consume();
            });
  }

  /** The actions the selected sessions allow, then Details, copying and filtering. */
  private List<MenuItem> menuItems(SessionTable table) {
    List<SessionRow> selected = table.selectedRows();
    List<MenuItem> items = new ArrayList<>(actions.menuItems());
    if (selected.isEmpty()) {
      return items;
    }
    if (!items.isEmpty()) {
      items.add(new SeparatorMenuItem());
    }
    Session first = selected.get(0).session();
    items.add(item("menu-details", "Details…", () -> openDetails(selected.get(0))));
    items.add(item("menu-copy", "Copy", table::copySelected));
    MenuItem copyAddress =
        item(
            "menu-copy-address",
            "Copy IP address",
            () ->
                SessionTable.copy(
                    selected.stream()
                        .map(row -> row.session().clientAddress())
                        .filter(Objects::nonNull)
                        .distinct()
                        .collect(Collectors.joining("\n"))));
    copyAddress.setDisable(
        selected.stream().allMatch(row -> row.session().clientAddress() == null));
    items.add(copyAddress);
    items.add(new SeparatorMenuItem());
    MenuItem byUser =
        item("menu-filter-user", "Filter by this user", () -> search.setText(first.user()));
    byUser.setDisable(first.user() == null);
    MenuItem byAddress =
        item(
            "menu-filter-address",
            "Filter by this IP",
            () -> search.setText(first.clientAddress()));
    byAddress.setDisable(first.clientAddress() == null);
    items.add(byUser);
    items.add(byAddress);
    return items;
  }

  private static MenuItem item(String id, String text, Runnable action) {
    MenuItem item = new MenuItem(text);
    item.setId(id);
    item.setOnAction(event -> action.run());
    return item;
  }

  private void openDetails(SessionRow row) {
    SessionTableViewModel table = viewModel.table(row.session().kind());
    new SessionDetailsDialog(
            new SessionDetailsViewModel(row, table.now(), viewModel.zone()),
            window(),
            action -> actions.request(SessionActionsViewModel.planFor(row, action)))
        .show();
  }

  /** The actions follow the selection of the table in view. */
  private void syncSelection() {
    Tab tab = tabs.getSelectionModel().getSelectedItem();
    List<SessionRow> selected =
        tab == null ? List.of() : ((SessionTable) tab.getUserData()).selectedRows();
    if (!selected.equals(actions.viewModel().selection())) {
      actions.viewModel().selection().setAll(selected);
    }
  }

  private void addFindKey(Scene scene) {
    if (scene != null) {
      scene
          .getAccelerators()
          .put(
              FIND,
              () -> {
                search.requestFocus();
                search.selectAll();
              });
    }
  }

  private Window window() {
    return root.getScene() == null ? null : root.getScene().getWindow();
  }
}
