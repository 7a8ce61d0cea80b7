package dev.sessionwatch.agent.source;

/** A source could not read its sessions; the message says why, in words for an operator. */
public final class SourceException extends Exception {
  public SourceException(String message) {
    super(message);
  }

  public SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
