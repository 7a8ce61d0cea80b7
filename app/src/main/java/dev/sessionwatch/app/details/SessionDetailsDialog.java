package dev.sessionwatch.app.details;

import dev.sessionwatch.app.actions.DialogStyle;
import dev.sessionwatch.app.actions.UnavailableReason;
import dev.sessionwatch.protocol.SessionAction;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * A session's details: every field the agent sent, its attributes, and a button per action it
 * allows. An action button closes the dialog and hands the action on, to be confirmed.
 */
public final class SessionDetailsDialog {
  private final Dialog<Void> dialog = new Dialog<>();
  private final SessionDetailsViewModel viewModel;
  private final GridPane fields = new GridPane();
  private final GridPane attributes = new GridPane();
  private final Label attributesTitle = new Label("Attributes");
  private final HBox actionButtons = new HBox();
  private final Consumer<SessionAction> onAction;

  /**
   * @param onAction takes an action the operator chose here; it asks for confirmation
   */
  public SessionDetailsDialog(
      SessionDetailsViewModel viewModel, Window owner, Consumer<SessionAction> onAction) {
    this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    this.onAction = Objects.requireNonNull(onAction, "onAction");
    dialog.initOwner(owner);
    dialog.initModality(Modality.NONE);
    dialog.setResizable(true);
    dialog.setOnHidden(event -> viewModel.close());
    dialog.titleProperty().bind(viewModel.titleProperty());
    dialog.getDialogPane().setId("session-details");
    dialog.getDialogPane().getStyleClass().add("session-details");
    DialogStyle.followOwner(dialog.getDialogPane(), owner);
    dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    fields.getStyleClass().add("detail-grid");
    fields.setId("detail-fields");
    attributes.getStyleClass().add("detail-grid");
    attributes.setId("detail-attributes");
    attributesTitle.getStyleClass().add("detail-section");
    actionButtons.getStyleClass().add("detail-actions");
    VBox content = new VBox(fields, attributesTitle, attributes, actionButtons);
    content.getStyleClass().add("detail-content");
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    scroll.setPrefViewportWidth(480);
    dialog.getDialogPane().setContent(scroll);
    fillFields();
    fillAttributes();
    fillActions();
    viewModel.fields().subscribe(this::fillFields);
    viewModel.attributes().subscribe(this::fillAttributes);
    viewModel.actions().subscribe(this::fillActions);
  }

  public void show() {
    dialog.show();
  }

  private void fillFields() {
    fill(fields, viewModel.fields());
  }

  private void fillAttributes() {
    fill(attributes, viewModel.attributes());
    boolean any = !viewModel.attributes().isEmpty();
    attributesTitle.setVisible(any);
    attributesTitle.setManaged(any);
  }

  private static void fill(GridPane grid, List<DetailField> values) {
    grid.getChildren().clear();
    for (int index = 0; index < values.size(); index++) {
      Label label = new Label(values.get(index).label());
      label.getStyleClass().add("detail-label");
      Label value = new Label(values.get(index).value());
      value.getStyleClass().add("detail-value");
      value.setWrapText(true);
      grid.addRow(index, label, value);
    }
  }

  private void fillActions() {
    actionButtons.getChildren().clear();
    for (SessionAction action : viewModel.actions()) {
      Button button = new Button(action.label() + "…");
      button.setId("details-" + action.wireName() + "-button");
      button.setOnAction(
          event -> {
            dialog.close();
            onAction.accept(action);
          });
      Optional<String> refusal = viewModel.refusal(action);
      if (refusal.isPresent()) {
        button.setDisable(true);
        actionButtons
            .getChildren()
            .add(
                UnavailableReason.holding(
                    button, new SimpleStringProperty("Not available: " + refusal.get())));
      } else {
        actionButtons.getChildren().add(button);
      }
    }
  }
}
