package dev.sessionwatch.app.actions;

import dev.sessionwatch.app.agent.AgentClient;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.SessionAction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.Observable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The actions on the selected sessions: which are offered, what the operator is asked to confirm,
 * and carrying them out off the FX thread. Knows no controls; tested without the toolkit.
 */
public final class SessionActionsViewModel {
  /** The order menus and toolbars show actions in: the mildest first. */
  static final List<SessionAction> MENU_ORDER =
      List.of(
          SessionAction.MESSAGE, SessionAction.DISCONNECT, SessionAction.LOGOUT, SessionAction.END);

  /** What Delete does to a session: the most thorough ending it allows. */
  private static final List<SessionAction> ENDING_ORDER =
      List.of(SessionAction.END, SessionAction.LOGOUT, SessionAction.DISCONNECT);

  private final Function<Host, Optional<AgentClient>> clients;
  private final Consumer<Host> refresh;
  private final Executor background;
  private final Executor fxExecutor;
  private final ObservableList<SessionRow> selection =
      FXCollections.observableArrayList(
          row -> new Observable[] {row.sessionProperty(), row.host().accessProperty()});
  private final ReadOnlyObjectWrapper<ActionReport> lastReport =
      new ReadOnlyObjectWrapper<>(this, "lastReport");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

  /**
   * @param clients the agent client of each watched host; empty for a host no longer watched
   * @param refresh polls a host now, so a table shows the result of an action at once
   * @param background where requests run (blocking I/O)
   * @param fxExecutor where results reach this model: {@code Platform::runLater} in the console
   */
  public SessionActionsViewModel(
      Function<Host, Optional<AgentClient>> clients,
      Consumer<Host> refresh,
      Executor background,
      Executor fxExecutor) {
    this.clients = Objects.requireNonNull(clients, "clients");
    this.refresh = Objects.requireNonNull(refresh, "refresh");
    this.background = Objects.requireNonNull(background, "background");
    this.fxExecutor = Objects.requireNonNull(fxExecutor, "fxExecutor");
  }

  /** The selected rows of the table in view; the view keeps it in step with the table. */
  public ObservableList<SessionRow> selection() {
    return selection;
  }

  /** The actions the selected sessions offer, for a menu or a toolbar. */
  public List<ActionChoice> choices() {
    return choicesFor(selection);
  }

  /**
   * The actions {@code rows} offer, mildest first: each applies to the rows that allow it (and
   * whose host's token permits it) and says how many in its label when more than one row is
   * selected. An action the rows allow but no token permits is offered as unavailable, with the
   * reason.
   */
  public static List<ActionChoice> choicesFor(List<SessionRow> rows) {
    List<ActionChoice> choices = new ArrayList<>();
    for (SessionAction action : MENU_ORDER) {
      choiceFor(rows, action).ifPresent(choices::add);
    }
    return choices;
  }

  /** The choice of {@code action} for the selected sessions, if any of them allows it. */
  public Optional<ActionChoice> choice(SessionAction action) {
    return choiceFor(selection, action);
  }

  private static Optional<ActionChoice> choiceFor(List<SessionRow> rows, SessionAction action) {
    List<SessionRow> offering = rows.stream().filter(row -> row.session().allows(action)).toList();
    if (offering.isEmpty()) {
      return Optional.empty();
    }
    List<PlannedAction> steps =
        offering.stream()
            .filter(row -> row.host().refusal(action).isEmpty())
            .map(row -> new PlannedAction(row.host(), row.session(), action))
            .toList();
    if (steps.isEmpty()) {
      String reason = offering.get(0).host().refusal(action).orElseThrow();
      return Optional.of(new ActionChoice(action, action.label(), null, reason));
    }
    String label = rows.size() > 1 ? action.label() + " (" + steps.size() + ")" : action.label();
    return Optional.of(new ActionChoice(action, label, new ActionPlan(steps), null));
  }

  /**
   * What the Delete key does to the selected sessions: ends each the most thorough way it allows
   * and its host's token permits (end, else log out, else disconnect); empty when none can be
   * ended.
   */
  public Optional<ActionPlan> endPlan() {
    List<PlannedAction> steps = new ArrayList<>();
    for (SessionRow row : selection) {
      endingAction(row)
          .ifPresent(action -> steps.add(new PlannedAction(row.host(), row.session(), action)));
    }
    return steps.isEmpty() ? Optional.empty() : Optional.of(new ActionPlan(steps));
  }

  private static Optional<SessionAction> endingAction(SessionRow row) {
    for (SessionAction action : ENDING_ORDER) {
      if (row.session().allows(action) && row.host().refusal(action).isEmpty()) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  /** A plan for one session and one of its actions: a details dialog's buttons. */
  public static ActionPlan planFor(SessionRow row, SessionAction action) {
    return new ActionPlan(List.of(new PlannedAction(row.host(), row.session(), action)));
  }

  /**
   * Carries out a confirmed plan: each step off the FX thread, all at once; then, on the FX thread,
   * publishes the report and refreshes the hosts acted on.
   */
  public CompletableFuture<ActionReport> perform(ActionPlan plan) {
    busy.set(true);
    List<CompletableFuture<StepOutcome>> steps =
        plan.steps().stream()
            .map(step -> CompletableFuture.supplyAsync(() -> carryOut(step, plan), background))
            .toList();
    return CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new))
        .thenApplyAsync(
            done -> {
              ActionReport report =
                  new ActionReport(steps.stream().map(CompletableFuture::join).toList());
              lastReport.set(report);
              busy.set(false);
              new LinkedHashSet<>(plan.steps().stream().map(PlannedAction::host).toList())
                  .forEach(refresh);
              return report;
            },
            fxExecutor);
  }

  private StepOutcome carryOut(PlannedAction step, ActionPlan plan) {
    return clients
        .apply(step.host())
        .map(
            client ->
                StepOutcome.of(
                    step, client.perform(step.session().id(), step.action(), plan.request())))
        .orElseGet(() -> StepOutcome.hostGone(step));
  }

  /** The report of the last plan carried out; the view shows it. */
  public ReadOnlyObjectProperty<ActionReport> lastReportProperty() {
    return lastReport.getReadOnlyProperty();
  }

  /** True while a plan is being carried out. */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
