package dev.sessionwatch.agent.os;

/**
 * An ending would signal a process the agent never signals: PID 1 (or kill(2)'s 0 and -1) or the
 * agent's own process. Nothing was signalled.
 */
public final class ProtectedProcessException extends Exception {
  public ProtectedProcessException(String message) {
    super(message);
  }
}
