package dev.sessionwatch.app.actions;

import dev.sessionwatch.protocol.ActionRequest;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for the text of a message to the sessions of a plan, naming each; Send stays disabled, and
 * the reason is shown, while the text is one the agent would refuse.
 */
public final class MessageDialog {
  private final Dialog<String> dialog = new Dialog<>();

  public MessageDialog(ActionPlan plan, Window owner) {
    ButtonType send = new ButtonType("Send", ButtonBar.ButtonData.OK_DONE);
    dialog.initOwner(owner);
    dialog.setTitle(plan.title());
    dialog.setHeaderText(plan.question());
    VBox content = ConfirmEndDialog.plannedSessions(plan);
    TextField text = new TextField();
    text.setId("message-text");
    text.setPromptText("What the user reads, e.g. the server restarts at 18:00");
    Label problem = new Label();
    problem.setId("message-problem");
    problem
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () ->
                    text.getText().isEmpty()
                        ? ""
                        : ActionRequest.textProblem(text.getText()).orElse(""),
                text.textProperty()));
    content.getChildren().addAll(text, problem);
    dialog.getDialogPane().setContent(content);
    dialog.getDialogPane().setId("message-dialog");
    DialogStyle.followOwner(dialog.getDialogPane(), owner);
    dialog.getDialogPane().getButtonTypes().setAll(send, ButtonType.CANCEL);
    Button sendButton = (Button) dialog.getDialogPane().lookupButton(send);
    sendButton.setId("send-message-button");
    sendButton
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                () -> ActionRequest.textProblem(text.getText()).isPresent(), text.textProperty()));
    dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancel-action-button");
    dialog.setResultConverter(button -> button == send ? text.getText() : null);
    dialog.setOnShown(event -> text.requestFocus());
  }

  /** Shows the dialog and waits: the text, when the operator sent one. */
  public Optional<String> text() {
    return dialog.showAndWait();
  }
}
