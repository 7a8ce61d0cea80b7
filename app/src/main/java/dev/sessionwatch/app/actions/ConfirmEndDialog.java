package dev.sessionwatch.app.actions;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks the operator to confirm an action, naming each session it will act on. Cancel is the default
 * button, so Enter never ends a session by accident.
 */
public final class ConfirmEndDialog {
  private final Alert alert = new Alert(Alert.AlertType.CONFIRMATION);
  private final ButtonType confirm;

  public ConfirmEndDialog(ActionPlan plan, Window owner) {
    confirm = new ButtonType(plan.title(), ButtonBar.ButtonData.OK_DONE);
    alert.initOwner(owner);
    alert.setTitle(plan.title());
    alert.setHeaderText(plan.question());
    alert.getDialogPane().setContent(plannedSessions(plan));
    alert.getDialogPane().setId("confirm-action-dialog");
    DialogStyle.followOwner(alert.getDialogPane(), owner);
    alert.getButtonTypes().setAll(confirm, ButtonType.CANCEL);
    Button confirmButton = (Button) alert.getDialogPane().lookupButton(confirm);
    confirmButton.setId("confirm-action-button");
    confirmButton.setDefaultButton(false);
    confirmButton.getStyleClass().add("danger");
    Button cancelButton = (Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL);
    cancelButton.setId("cancel-action-button");
    cancelButton.setDefaultButton(true);
    alert.setOnShown(event -> cancelButton.requestFocus());
  }

  /** The sessions a plan acts on, a line each, as the dialogs that confirm one show them. */
  static VBox plannedSessions(ActionPlan plan) {
    VBox lines = new VBox();
    lines.getStyleClass().add("planned-sessions");
    for (String line : plan.lines()) {
      Label label = new Label(line);
      label.getStyleClass().add("planned-session");
      lines.getChildren().add(label);
    }
    return lines;
  }

  /** Shows the dialog and waits: true when the operator confirmed. */
  public boolean confirmed() {
    return alert.showAndWait().filter(confirm::equals).isPresent();
  }
}
