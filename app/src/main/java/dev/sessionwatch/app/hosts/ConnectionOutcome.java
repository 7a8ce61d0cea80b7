package dev.sessionwatch.app.hosts;

import dev.sessionwatch.app.agent.PresentedCertificate;

/**
 * How a connection test ended.
 *
 * @param online the agent answered and accepted the token
 * @param message what happened, in words for the user
 * @param untrusted the certificate the agent presented, when the test stopped because it is not
 *     trusted; null otherwise
 */
public record ConnectionOutcome(boolean online, String message, PresentedCertificate untrusted) {

  public ConnectionOutcome(boolean online, String message) {
    this(online, message, null);
  }
}
