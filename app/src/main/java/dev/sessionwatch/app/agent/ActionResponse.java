package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.ActionOutcome;

/**
 * How an action asked of an agent ended, in words for an operator. {@link AgentClient#perform}
 * never throws; every failure is one of these.
 */
public sealed interface ActionResponse {

  /** The agent carried the action out (200). */
  record Done(ActionOutcome outcome) implements ActionResponse {}

  /** The session had ended before the action reached it (404). */
  record Gone(String message) implements ActionResponse {}

  /** The session does not offer this action (409). */
  record NotOffered(String message) implements ActionResponse {}

  /** The token may read but not act: a viewer token (403). */
  record Forbidden(String message) implements ActionResponse {}

  /** The agent refused the token (401). */
  record Unauthorized(String message) implements ActionResponse {}

  /** No answer: connection refused, timed out, unknown host, TLS failure. */
  record Unreachable(String reason) implements ActionResponse {}

  /** Any other answer: the action failed on the host (500) or the answer made no sense. */
  record Failed(String message) implements ActionResponse {}
}
