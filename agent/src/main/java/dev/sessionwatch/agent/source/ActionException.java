package dev.sessionwatch.agent.source;

/** An action that could not be carried out, and why. */
public final class ActionException extends Exception {

  /** Why the action was not carried out; the HTTP layer maps each to a status. */
  public enum Reason {
    /** The session ended, or its process was replaced, before the action (404). */
    GONE,
    /** The session does not offer this action (409). */
    NOT_OFFERED,
    /** Ending it would signal PID 1 or the agent itself: refused, nothing signalled (403). */
    PROTECTED,
    /** The action was tried and failed (500), e.g. the agent lacks the right to signal. */
    FAILED
  }

  private final Reason reason;

  public ActionException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public ActionException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
