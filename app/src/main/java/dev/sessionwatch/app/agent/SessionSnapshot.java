package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;

/**
 * A host's sessions as last answered.
 *
 * @param clock relates the list's {@code collectedAt} to the console's clock
 * @param modified false when the agent answered 304 and this is the list it sent before
 * @param changedFrom when the agent sent only changes (226): the list it answered before, which
 *     they change into this one; else null
 * @param changes those changes, as applied to it; null with {@code changedFrom}
 */
public record SessionSnapshot(
    SessionList list,
    AgentClock clock,
    boolean modified,
    SessionList changedFrom,
    SessionChanges changes) {

  /** A whole list, or the same list again: not told as changes. */
  public SessionSnapshot(SessionList list, AgentClock clock, boolean modified) {
    this(list, clock, modified, null, null);
  }
}
