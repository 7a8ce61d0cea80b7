package dev.sessionwatch.app.agent;

import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session list brought up to date with an agent's changes to it.
 *
 * @param applied the changes as taken: a session the agent named twice, as first named
 */
record ChangedList(SessionList list, SessionChanges applied) {

  /**
   * {@code before} without the sessions gone, each changed one in its place (the others the very
   * objects they were) and the new ones after, in the agent's order.
   */
  static ChangedList of(SessionList before, SessionChanges changes) {
    Map<String, Session> changed = new LinkedHashMap<>();
    changes.changed().forEach(session -> changed.putIfAbsent(session.id(), session));
    SessionChanges applied =
        changed.size() == changes.changed().size()
            ? changes
            : new SessionChanges(
                changes.host(),
                changes.collectedAt(),
                List.copyOf(changed.values()),
                changes.gone(),
                changes.errors());
    Set<String> gone = Set.copyOf(changes.gone());
    List<Session> sessions = new ArrayList<>(before.sessions().size() + changed.size());
    for (Session session : before.sessions()) {
      if (!gone.contains(session.id())) {
        Session now = changed.remove(session.id());
        sessions.add(now != null ? now : session);
      }
    }
    sessions.addAll(changed.values());
    return new ChangedList(
        new SessionList(changes.host(), changes.collectedAt(), sessions, changes.errors()),
        applied);
  }
}
