package dev.sessionwatch.app.agent;

import java.time.Duration;

/**
 * How a request to an agent ended: a value, or the reason there is none, in words for an operator.
 * The client never throws; every failure is one of these.
 */
public sealed interface AgentResponse<T> {

  /** The agent answered with a value after {@code latency}. */
  record Success<T>(T value, Duration latency) implements AgentResponse<T> {}

  /** No answer: connection refused, timed out, unknown host, TLS failure. */
  record Unreachable<T>(String reason) implements AgentResponse<T> {}

  /**
   * The agent presented a certificate the console does not trust: unknown, or not the pinned one.
   * Nothing was sent to it.
   */
  record Untrusted<T>(PresentedCertificate presented) implements AgentResponse<T> {}

  /** The agent refused the token (401). */
  record Unauthorized<T>(String message) implements AgentResponse<T> {}

  /** The agent answered with an error status; {@code message} is its own when it sent one. */
  record AgentError<T>(int status, String message) implements AgentResponse<T> {}

  /** The agent answered something that is not the expected JSON. */
  record Malformed<T>(String detail) implements AgentResponse<T> {}
}
