package dev.sessionwatch.app.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * One moment seen on both clocks: the agent's {@code collectedAt} and the console's clock when the
 * answer arrived. It turns the console's now into the agent's now, so times the agent reports (such
 * as {@code idleSince}) are measured on the agent's clock even when the two clocks disagree.
 */
public record AgentClock(Instant agentTime, Instant localTime) {

  /** The agent's clock at {@code localNow} on the console's clock. */
  public Instant agentNow(Instant localNow) {
    return agentTime.plus(Duration.between(localTime, localNow));
  }
}
