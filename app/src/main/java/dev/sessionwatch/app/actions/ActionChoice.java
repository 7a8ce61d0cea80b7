package dev.sessionwatch.app.actions;

import dev.sessionwatch.protocol.SessionAction;

/**
 * One action offered for the selected sessions: a menu item or a toolbar button.
 *
 * @param label {@code Log out}, or with the count for a multi-selection: {@code End session (3)}
 * @param plan the sessions that allow it and whose host's token permits it, each with this action;
 *     null when it is unavailable
 * @param unavailable why the action is shown but cannot be taken (the token of every host of the
 *     sessions that allow it is a viewer token, or limited to other actions); null when it can
 */
public record ActionChoice(
    SessionAction action, String label, ActionPlan plan, String unavailable) {

  public ActionChoice {
    if ((plan == null) == (unavailable == null)) {
      throw new IllegalArgumentException("a choice has either a plan or a reason it has none");
    }
  }

  public boolean available() {
    return plan != null;
  }
}
