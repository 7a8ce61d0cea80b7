package dev.sessionwatch.app.actions;

import dev.sessionwatch.app.agent.ActionResponse;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.SessionAction;

/**
 * How one planned action ended, in words for the operator.
 *
 * @param message what happened, e.g. {@code already gone: session utmp:4 has already ended}
 */
public record StepOutcome(PlannedAction step, boolean succeeded, String message) {

  /** Reads the agent's answer to {@code step}. */
  public static StepOutcome of(PlannedAction step, ActionResponse response) {
    if (response instanceof ActionResponse.Done done) {
      return done(step, done.outcome());
    }
    if (response instanceof ActionResponse.Gone gone) {
      return failed(step, "already gone: " + gone.message());
    }
    if (response instanceof ActionResponse.NotOffered notOffered) {
      return failed(step, "not offered for this session: " + notOffered.message());
    }
    if (response instanceof ActionResponse.Forbidden forbidden) {
      return failed(step, "not permitted: " + forbidden.message());
    }
    if (response instanceof ActionResponse.Unauthorized unauthorized) {
      return failed(step, "the agent refused the token: " + unauthorized.message());
    }
    if (response instanceof ActionResponse.Unreachable unreachable) {
      return failed(step, "the server did not answer: " + unreachable.reason());
    }
    return failed(step, "failed: " + ((ActionResponse.Failed) response).message());
  }

  /** The session's host is no longer watched, so there is no agent to ask. */
  public static StepOutcome hostGone(PlannedAction step) {
    return failed(step, "the server " + step.host().name() + " is no longer watched");
  }

  /** The line shown for it: the session, then what happened. */
  public String line() {
    return step.describe() + ": " + message;
  }

  private static StepOutcome done(PlannedAction step, ActionOutcome outcome) {
    String done = pastTense(step.action());
    return new StepOutcome(
        step,
        true,
        outcome.sessionEnded() || step.action() == SessionAction.MESSAGE
            ? done
            : done
                + ", but the session had not ended when the agent answered ("
                + outcome.message()
                + ")");
  }

  private static StepOutcome failed(PlannedAction step, String message) {
    return new StepOutcome(step, false, message);
  }

  private static String pastTense(SessionAction action) {
    return switch (action) {
      case END -> "ended";
      case DISCONNECT -> "disconnected";
      case LOGOUT -> "logged out";
      case MESSAGE -> "message sent";
    };
  }
}
