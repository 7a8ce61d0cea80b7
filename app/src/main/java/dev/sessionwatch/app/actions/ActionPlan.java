package dev.sessionwatch.app.actions;

import dev.sessionwatch.protocol.ActionRequest;
import dev.sessionwatch.protocol.SessionAction;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the operator is asked to confirm: one or more sessions, each with the action to take on it,
 * and the words of the confirmation dialog.
 *
 * @param text what a message says, once the operator has written it; null for other actions
 */
public record ActionPlan(List<PlannedAction> steps, String text) {
  public ActionPlan {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a plan acts on at least one session");
    }
  }

  public ActionPlan(List<PlannedAction> steps) {
    this(steps, null);
  }

  /** This plan, sending {@code words} as its message. */
  public ActionPlan withText(String words) {
    return new ActionPlan(steps, words);
  }

  /** What the agent gets along with each step's action. */
  public ActionRequest request() {
    return new ActionRequest(text);
  }

  /** The one action every step takes, or null when they differ. */
  public SessionAction commonAction() {
    Set<SessionAction> actions =
        steps.stream().map(PlannedAction::action).collect(Collectors.toSet());
    return actions.size() == 1 ? actions.iterator().next() : null;
  }

  /** The dialog's title and its confirm button: {@code Log out}, {@code End session (3)}. */
  public String title() {
    SessionAction action = commonAction();
    String words = action != null ? action.label() : "End sessions";
    return steps.size() == 1 ? words : words + " (" + steps.size() + ")";
  }

  /** {@code Log out this session?}, {@code Disconnect these 2 sessions?}. */
  public String question() {
    SessionAction action = commonAction();
    String verb =
        action == null
            ? "End"
            : switch (action) {
              case END -> "End";
              case DISCONNECT -> "Disconnect";
              case LOGOUT -> "Log out";
              case MESSAGE -> "Send a message to";
            };
    return steps.size() == 1
        ? verb + " this session?"
        : verb + " these " + steps.size() + " sessions?";
  }

  /** Each session in words, prefixed with its action when the actions differ. */
  public List<String> lines() {
    boolean mixed = commonAction() == null;
    return steps.stream()
        .map(step -> mixed ? step.action().label() + ": " + step.describe() : step.describe())
        .toList();
  }
}
