package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.settings.SavedServer;
import java.time.ZoneId;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Window;

/**
 * Adds or edits a server: name, agent URL and token, each checked as typed with the problem shown
 * under it, and a "Test connection" button that asks the agent before saving.
 */
public final class ServerDialog {
  private static final PseudoClass ONLINE = PseudoClass.getPseudoClass("online");
  private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

  private final Dialog<SavedServer> dialog = new Dialog<>();

  /**
   * @param zone where a certificate's validity dates are shown
   */
  public ServerDialog(Window owner, ServerDialogViewModel viewModel, boolean adding, ZoneId zone) {
    dialog.initOwner(owner);
    if (owner != null && owner.getScene() != null) {
      dialog.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
    }
    dialog.setTitle(adding ? "Add server" : "Edit server");
    dialog.setHeaderText(
        adding
            ? "Watch another server: its agent's URL and a token from its administrator."
            : "Change how the console reaches this server.");
    ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    dialog.getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
    dialog.getDialogPane().setId("server-dialog");
    dialog.getDialogPane().getStyleClass().add("server-dialog");

    TextField name = new TextField();
    name.setId("server-name-field");
    name.setPromptText("web01");
    TextField url = new TextField();
    url.setId("server-url-field");
    url.setPromptText("https://web01.example.com:7878");
    PasswordField token = new PasswordField();
    token.setId("server-token-field");
    token.setPromptText("the agent's token");

    GridPane grid = new GridPane();
    grid.getStyleClass().add("server-form");
    ColumnConstraints labels = new ColumnConstraints();
    ColumnConstraints fields = new ColumnConstraints(360);
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    row(grid, 0, "Name", name, viewModel.nameProperty(), viewModel.nameProblemProperty(), "name");
    row(grid, 2, "Agent URL", url, viewModel.urlProperty(), viewModel.urlProblemProperty(), "url");
    row(
        grid,
        4,
        "Token",
        token,
        viewModel.tokenProperty(),
        viewModel.tokenProblemProperty(),
        "token");

    Button test = new Button("Test connection");
    test.setId("test-connection-button");
    // Not disabled while testing: a disabled button loses the focus, and Enter would then cancel.
    test.disableProperty().bind(viewModel.validProperty().not());
    test.setMinWidth(Region.USE_PREF_SIZE);
    test.setOnAction(event -> viewModel.testConnection());
    ProgressIndicator spinner = new ProgressIndicator();
    spinner.getStyleClass().add("test-spinner");
    spinner.visibleProperty().bind(viewModel.testingProperty());
    spinner.managedProperty().bind(viewModel.testingProperty());
    Label outcome = new Label();
    outcome.setId("test-outcome");
    outcome.getStyleClass().add("test-outcome");
    outcome.setWrapText(true);
    outcome.setMaxWidth(360);
    viewModel
        .testOutcomeProperty()
        .subscribe(
            result -> {
              outcome.setText(
                  result == null
                      ? viewModel.testingProperty().get() ? "Asking the agent…" : ""
                      : result.message());
              outcome.pseudoClassStateChanged(ONLINE, result != null && result.online());
              outcome.pseudoClassStateChanged(FAILED, result != null && !result.online());
            });
    viewModel
        .testingProperty()
        .subscribe(
            testing -> {
              if (testing) {
                outcome.setText("Asking the agent…");
              }
            });
    HBox testRow = new HBox(test, spinner);
    testRow.getStyleClass().add("test-row");
    grid.add(testRow, 1, 6);
    grid.add(outcome, 1, 7);
    Label pin = new Label();
    pin.setId("server-pin");
    pin.getStyleClass().add("server-pin");
    pin.textProperty()
        .bind(
            viewModel
                .pinProperty()
                .map(trusted -> "Certificate trusted: SHA-256 " + trusted.fingerprint())
                .orElse(""));
    grid.add(pin, 1, 8);
    // A test that met a certificate not trusted yet asks about it at once, as SSH does.
    viewModel
        .testOutcomeProperty()
        .subscribe(
            result -> {
              if (result != null && result.untrusted() != null) {
                SavedServer server = viewModel.server().orElse(null);
                if (server != null) {
                  new TrustCertificateDialog(
                          dialog.getDialogPane().getScene().getWindow(),
                          new TrustCertificateViewModel(
                              server.name(), server.agentUrl(), result.untrusted(), zone))
                      .show(() -> viewModel.trust(result.untrusted()));
                }
              }
            });

    dialog.getDialogPane().setContent(grid);
    Button saveButton = (Button) dialog.getDialogPane().lookupButton(save);
    saveButton.setId("save-server-button");
    saveButton.disableProperty().bind(viewModel.validProperty().not());
    dialog.setResultConverter(button -> button == save ? viewModel.server().orElse(null) : null);
    dialog.setOnShown(event -> name.requestFocus());
  }

  /** Shows the dialog and waits: the server as entered, or empty when cancelled. */
  public Optional<SavedServer> showAndWait() {
    return dialog.showAndWait();
  }

  public Dialog<SavedServer> dialog() {
    return dialog;
  }

  /**
   * A field with its problem under it. The problem shows once the field has been typed in, so a new
   * dialog does not open full of complaints.
   */
  private static void row(
      GridPane grid,
      int row,
      String title,
      TextInputControl field,
      StringProperty value,
      ReadOnlyStringProperty problem,
      String id) {
    Label label = new Label(title);
    label.setLabelFor(field);
    field.textProperty().bindBidirectional(value);
    Label problemLabel = new Label();
    problemLabel.setId("server-" + id + "-problem");
    problemLabel.getStyleClass().add("field-problem");
    problemLabel.setWrapText(true);
    problemLabel.setMaxWidth(360);
    boolean[] touched = {!value.get().isEmpty()};
    Runnable show = () -> problemLabel.setText(touched[0] ? problem.get() : "");
    field
        .textProperty()
        .addListener(
            observable -> {
              touched[0] = true;
              show.run();
            });
    problem.addListener(observable -> show.run());
    show.run();
    grid.add(label, 0, row);
    grid.add(field, 1, row);
    grid.add(problemLabel, 1, row + 1);
  }
}
