package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.HostStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The server list beside the tables, with buttons to add, edit and remove a server. Selecting
 * servers filters the tables; "All servers" shows them all. A server whose certificate is not
 * trusted offers "Trust certificate…" (also on double-click).
 */
public final class ServerList {
  private static final PseudoClass ALL = PseudoClass.getPseudoClass("all");
  private static final PseudoClass DEMO = PseudoClass.getPseudoClass("demo");
  private static final List<PseudoClass> STATES =
      Arrays.stream(HostStatus.State.values()).map(ServerList::pseudoClass).toList();

  private final VBox pane = new VBox();
  private final ListView<ServerListItem> list = new ListView<>();

  /**
   * @param onTrust shows the certificate a host's agent presents and asks to trust it
   * @param editable whether a host is a server the user added (and so may edit or remove)
   */
  public ServerList(
      ServerListViewModel viewModel,
      Runnable onAdd,
      Consumer<Host> onEdit,
      Consumer<Host> onRemove,
      Consumer<Host> onTrust,
      Predicate<Host> editable) {
    pane.setId("server-list");
    pane.getStyleClass().add("server-list");
    // Wide enough for the heading and its three buttons, whatever the window's width.
    pane.setMinWidth(280);
    list.setId("server-list-view");
    list.setItems(viewModel.items());
    list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
    list.setCellFactory(view -> new ServerCell());
    VBox.setVgrow(list, Priority.ALWAYS);

    Button add = button("add-server-button", "Add…", "Add a server (Ctrl+N)", onAdd);
    var editableSelected =
        Bindings.createBooleanBinding(
            () -> {
              Host host = viewModel.selectedHostProperty().get();
              return host != null && editable.test(host);
            },
            viewModel.selectedHostProperty());
    Button edit =
        button(
            "edit-server-button",
            "Edit…",
            "Edit the selected server",
            () -> onEdit.accept(viewModel.selectedHostProperty().get()));
    edit.disableProperty().bind(editableSelected.not());
    Button remove =
        button(
            "remove-server-button",
            "Remove",
            "Remove the selected server",
            () -> onRemove.accept(viewModel.selectedHostProperty().get()));
    remove.disableProperty().bind(editableSelected.not());

    Label heading = new Label("Servers");
    heading.getStyleClass().add("heading");
    Pane spacer = new Pane();
    HBox.setHgrow(spacer, Priority.ALWAYS);
    HBox header = new HBox(heading, spacer, add, edit, remove);
    header.getStyleClass().add("server-list-header");

    MenuItem editItem = new MenuItem("Edit…");
    editItem.setOnAction(event -> edit.fire());
    editItem.disableProperty().bind(edit.disableProperty());
    MenuItem removeItem = new MenuItem("Remove");
    removeItem.setOnAction(event -> remove.fire());
    removeItem.disableProperty().bind(remove.disableProperty());
    MenuItem trustItem = new MenuItem("Trust certificate…");
    trustItem.setId("trust-certificate-menu");
    // Asked when wanted: a host's certificate changes with its status, not with the selection.
    BooleanSupplier awaitingTrust =
        () -> {
          Host host = viewModel.selectedHostProperty().get();
          return host != null && editable.test(host) && host.untrustedCertificate() != null;
        };
    trustItem.setOnAction(event -> onTrust.accept(viewModel.selectedHostProperty().get()));
    ContextMenu menu = new ContextMenu(trustItem, editItem, removeItem);
    menu.setOnShowing(event -> trustItem.setDisable(!awaitingTrust.getAsBoolean()));
    list.setContextMenu(menu);
    list.setOnMouseClicked(
        event -> {
          if (event.getButton() != MouseButton.PRIMARY || event.getClickCount() != 2) {
            return;
          }
          if (awaitingTrust.getAsBoolean()) {
            trustItem.fire();
          } else if (!edit.isDisabled()) {
            edit.fire();
          }
        });

    list.getSelectionModel()
        .getSelectedItems()
        .addListener(
            (ListChangeListener<ServerListItem>) change -> selectionChanged(change, viewModel));
    list.getSelectionModel().select(viewModel.allServers());

    pane.getChildren().addAll(header, list);
  }

  public VBox node() {
    return pane;
  }

  /**
   * Hands the selection to the view model, keeping "All servers" and single servers apart: choosing
   * a server unselects "All servers", choosing "All servers" unselects the rest.
   */
  private void selectionChanged(
      ListChangeListener.Change<? extends ServerListItem> change, ServerListViewModel viewModel) {
    List<ServerListItem> selected = List.copyOf(list.getSelectionModel().getSelectedItems());
    if (selected.size() > 1 && selected.contains(viewModel.allServers())) {
      boolean allChosen = false;
      while (change.next()) {
        allChosen |= change.wasAdded() && change.getAddedSubList().contains(viewModel.allServers());
      }
      boolean chooseAll = allChosen;
      // Not from inside the selection model's own notification; this listener runs again then.
      Platform.runLater(
          () -> {
            if (chooseAll) {
              list.getSelectionModel().clearAndSelect(0);
            } else {
              list.getSelectionModel().clearSelection(0);
            }
          });
      return;
    }
    viewModel.select(selected);
  }

  private static Button button(String id, String text, String tooltip, Runnable action) {
    Button button = new Button(text);
    button.setId(id);
    button.setTooltip(new Tooltip(tooltip));
    button.setOnAction(event -> action.run());
    return button;
  }

  private static PseudoClass pseudoClass(HostStatus.State state) {
    return PseudoClass.getPseudoClass(state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
  }

  /** Name (and "demo"), status; under them latency or the reason, and the counts. */
  private static final class ServerCell extends ListCell<ServerListItem> {
    private final Label name = new Label();
    private final Label demo = new Label("demo");
    private final Label status = new Label();
    private final Label detail = new Label();
    private final Label counts = new Label();
    private final VBox box;
    private final ChangeListener<HostStatus.State> stateChanged =
        (value, old, state) -> showState(state);
    private ServerListItem shown;

    ServerCell() {
      getStyleClass().add("server-cell");
      name.getStyleClass().add("server-name");
      demo.getStyleClass().add("demo-badge");
      status.getStyleClass().add("server-status");
      detail.getStyleClass().add("server-detail");
      counts.getStyleClass().add("server-counts");
      Pane spacer = new Pane();
      HBox.setHgrow(spacer, Priority.ALWAYS);
      HBox top = new HBox(name, demo, spacer, status);
      top.getStyleClass().add("server-cell-top");
      box = new VBox(top, detail, counts);
      box.getStyleClass().add("server-cell-box");
      setText(null);
      // As wide as the list, not as its longest text: a long reason is cut, the status stays.
      setPrefWidth(0);
    }

    @Override
    protected void updateItem(ServerListItem item, boolean empty) {
      super.updateItem(item, empty);
      name.textProperty().unbind();
      status.textProperty().unbind();
      detail.textProperty().unbind();
      counts.textProperty().unbind();
      counts.visibleProperty().unbind();
      counts.managedProperty().unbind();
      if (shown != null) {
        shown.stateProperty().removeListener(stateChanged);
        shown = null;
      }
      showState(null);
      if (empty || item == null) {
        setGraphic(null);
        setTooltip(null);
        pseudoClassStateChanged(ALL, false);
        pseudoClassStateChanged(DEMO, false);
        return;
      }
      name.textProperty().bind(item.titleProperty());
      status.textProperty().bind(item.statusProperty());
      detail.textProperty().bind(item.detailProperty());
      counts.textProperty().bind(item.countsProperty());
      demo.setVisible(item.isDemo());
      demo.setManaged(item.isDemo());
      detail.setVisible(!item.isAllServers());
      detail.setManaged(!item.isAllServers());
      counts.visibleProperty().bind(item.countsProperty().isNotEmpty());
      counts.managedProperty().bind(counts.visibleProperty());
      pseudoClassStateChanged(ALL, item.isAllServers());
      pseudoClassStateChanged(DEMO, item.isDemo());
      shown = item;
      item.stateProperty().addListener(stateChanged);
      showState(item.stateProperty().get());
      Tooltip tooltip = new Tooltip();
      tooltip
          .textProperty()
          .bind(
              Bindings.concat(
                  item.titleProperty(), ": ", item.statusProperty(), "\n", item.detailProperty()));
      setTooltip(tooltip);
      setGraphic(box);
    }

    private void showState(HostStatus.State state) {
      STATES.forEach(pseudoClass -> pseudoClassStateChanged(pseudoClass, false));
      if (state != null) {
        pseudoClassStateChanged(pseudoClass(state), true);
      }
    }
  }
}
