package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.SessionList;

/**
 * A host's sessions as last answered.
 *
 * @param clock relates the list's {@code collectedAt} to the console's clock
 * @param modified false when the agent answered 304 and this is the list it sent before
 */
public record SessionSnapshot(SessionList list, AgentClock clock, boolean modified) {}
