package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.actions.DialogStyle;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Shows the certificate an agent presented and asks the operator to trust it; after a change, the
 * same as a warning naming both fingerprints. Cancel is the default button: Enter never trusts.
 */
public final class TrustCertificateDialog {
  private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

  private final Dialog<ButtonType> dialog = new Dialog<>();
  private final ButtonType trust;

  public TrustCertificateDialog(Window owner, TrustCertificateViewModel viewModel) {
    dialog.initOwner(owner);
    dialog.setTitle(viewModel.title());
    dialog.setHeaderText(viewModel.header());
    dialog.setResizable(true);
    DialogStyle.followOwner(dialog.getDialogPane(), owner);
    dialog.getDialogPane().setId("trust-certificate-dialog");
    dialog.getDialogPane().getStyleClass().add("trust-certificate-dialog");
    dialog.getDialogPane().pseudoClassStateChanged(CHANGED, viewModel.changed());

    Label explanation = new Label(viewModel.explanation());
    explanation.setId("trust-certificate-explanation");
    explanation.getStyleClass().add("trust-explanation");
    explanation.setWrapText(true);
    explanation.setMaxWidth(820);
    GridPane details = new GridPane();
    details.getStyleClass().add("trust-details");
    int row = 0;
    details.addRow(
        row++,
        new Label("SHA-256 fingerprint"),
        copyable("trust-certificate-fingerprint", viewModel.fingerprint()));
    if (viewModel.changed()) {
      details.addRow(
          row++,
          new Label("Trusted until now"),
          copyable("trust-certificate-trusted", viewModel.trustedFingerprint()));
    }
    details.addRow(row++, new Label("Issued to"), new Label(viewModel.subject()));
    details.addRow(row, new Label("Valid"), new Label(viewModel.validity()));
    dialog.getDialogPane().setContent(new VBox(12, explanation, details));

    trust = new ButtonType(viewModel.trustLabel(), ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().setAll(trust, ButtonType.CANCEL);
    Button trustButton = (Button) dialog.getDialogPane().lookupButton(trust);
    trustButton.setId("trust-certificate-button");
    trustButton.setDefaultButton(false);
    if (viewModel.changed()) {
      trustButton.getStyleClass().add("danger");
    }
    Button cancel = (Button) dialog.getDialogPane().lookupButton(ButtonType.CANCEL);
    cancel.setId("trust-certificate-cancel");
    cancel.setDefaultButton(true);
    dialog.setOnShown(event -> cancel.requestFocus());
  }

  /** A fingerprint the operator can select and copy to compare. */
  private static TextField copyable(String id, String text) {
    TextField field = new TextField(text);
    field.setId(id);
    field.setEditable(false);
    field.getStyleClass().add("fingerprint");
    // The whole fingerprint in view: it is read and compared pair by pair.
    field.setPrefColumnCount(text.length() + 1);
    return field;
  }

  /** Shows the dialog without waiting; {@code onTrusted} runs if the operator trusts. */
  public void show(Runnable onTrusted) {
    dialog.setOnHidden(
        event -> {
          if (trust.equals(dialog.getResult())) {
            onTrusted.run();
          }
        });
    dialog.show();
  }
}
