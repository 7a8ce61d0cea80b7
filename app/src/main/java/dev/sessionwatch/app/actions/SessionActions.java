package dev.sessionwatch.app.actions;

import dev.sessionwatch.protocol.SessionAction;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;

/**
 * The actions on the selected sessions as controls: toolbar buttons and context menu items, each
 * going through the confirmation dialog; afterwards, a notification of what was done and a dialog
 * for what failed.
 */
public final class SessionActions {
  private static final Duration NOTIFICATION_TIME = Duration.seconds(6);

  private final SessionActionsViewModel viewModel;
  private final Supplier<Window> owner;

  /**
   * @param owner the window dialogs and notifications belong to
   */
  public SessionActions(SessionActionsViewModel viewModel, Supplier<Window> owner) {
    this.viewModel = Objects.requireNonNull(viewModel, "viewModel");
    this.owner = Objects.requireNonNull(owner, "owner");
    viewModel.lastReportProperty().subscribe(report -> show(report));
  }

  public SessionActionsViewModel viewModel() {
    return viewModel;
  }

  /**
   * A button per action, labelled with the count and enabled when a selected session allows it and
   * its host's token permits it; each in a holder that carries its tooltip, so that the reason an
   * action is unavailable shows on the disabled button too (JavaFX shows no tooltip of a disabled
   * control).
   */
  public List<Node> toolbarButtons() {
    return SessionActionsViewModel.MENU_ORDER.stream().map(this::button).toList();
  }

  private Node button(SessionAction action) {
    Button button = new Button();
    button.setId(action.wireName() + "-button");
    button.getStyleClass().add("action-button");
    button
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> viewModel.choice(action).map(ActionChoice::label).orElse(action.label()),
                viewModel.selection()));
    button
        .disableProperty()
        .bind(
            Bindings.createBooleanBinding(
                    () -> viewModel.choice(action).map(c -> !c.available()).orElse(true),
                    viewModel.selection())
                .or(viewModel.busyProperty()));
    button.setOnAction(
        event -> viewModel.choice(action).filter(ActionChoice::available).ifPresent(this::request));
    return UnavailableReason.holding(
        button,
        Bindings.createStringBinding(
            () ->
                viewModel
                    .choice(action)
                    .filter(choice -> !choice.available())
                    .map(choice -> "Not available: " + choice.unavailable())
                    .orElse(describe(action)),
            viewModel.selection()));
  }

  private static String describe(SessionAction action) {
    return switch (action) {
      case MESSAGE -> "Send the selected sessions' users a message";
      case END -> "End the selected sessions (Delete)";
      case DISCONNECT -> "Disconnect the selected sessions";
      case LOGOUT -> "Log the selected sessions out";
    };
  }

  /**
   * A menu item per action the selected sessions offer, mildest first; one their hosts' tokens do
   * not permit is disabled and says why.
   */
  public List<MenuItem> menuItems() {
    return viewModel.choices().stream()
        .map(
            choice -> {
              MenuItem item =
                  new MenuItem(
                      choice.available()
                          ? choice.label()
                          : choice.label() + " (not available: " + choice.unavailable() + ")");
              item.setId("menu-" + choice.action().wireName());
              item.setOnAction(event -> request(choice));
              item.setDisable(!choice.available() || viewModel.busyProperty().get());
              return item;
            })
        .toList();
  }

  /** Delete: ends the selected sessions, after confirmation. */
  public void endSelected() {
    viewModel.endPlan().ifPresent(this::request);
  }

  private void request(ActionChoice choice) {
    if (choice.available()) {
      request(choice.plan());
    }
  }

  /**
   * Asks for confirmation, then carries the plan out; a message's confirmation is its text, asked
   * for first.
   */
  public void request(ActionPlan plan) {
    if (plan.commonAction() == SessionAction.MESSAGE) {
      new MessageDialog(plan, owner.get()).text().map(plan::withText).ifPresent(viewModel::perform);
    } else if (new ConfirmEndDialog(plan, owner.get()).confirmed()) {
      viewModel.perform(plan);
    }
  }

  private void show(ActionReport report) {
    if (report == null) {
      return;
    }
    List<StepOutcome> succeeded = report.succeeded();
    if (!succeeded.isEmpty()) {
      Notifications.create()
          .owner(owner.get())
          .title(succeeded.size() == 1 ? "Done" : "Done for " + succeeded.size() + " sessions")
          .text(lines(succeeded))
          .hideAfter(NOTIFICATION_TIME)
          .showInformation();
    }
    List<StepOutcome> failed = report.failed();
    if (!failed.isEmpty()) {
      Alert alert = new Alert(Alert.AlertType.WARNING);
      alert.initOwner(owner.get());
      alert.setTitle("Not done");
      alert.setHeaderText(
          failed.size() == 1
              ? "One session could not be acted on"
              : failed.size() + " sessions could not be acted on");
      Label text = new Label(lines(failed));
      text.setWrapText(true);
      text.setId("action-failures");
      alert.getDialogPane().setContent(text);
      alert.getDialogPane().setId("action-failures-dialog");
      DialogStyle.followOwner(alert.getDialogPane(), owner.get());
      alert.show();
    }
  }

  private static String lines(List<StepOutcome> outcomes) {
    return outcomes.stream().map(StepOutcome::line).collect(Collectors.joining("\n"));
  }
}
