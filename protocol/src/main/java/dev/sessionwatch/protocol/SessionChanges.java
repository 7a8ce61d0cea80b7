package dev.sessionwatch.protocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code GET /v1/sessions} answers, as {@code 226 IM Used} (RFC 3229), to a console that sent
 * {@code A-IM: changes} with the ETag of a list the agent still remembers: that list's changes
 * rather than the whole list again. The list the console had, without the sessions gone, with each
 * changed session in its place and the new ones after, is the agent's list now.
 *
 * @param changed the sessions new or changed since that list, as the agent lists them now
 * @param gone the ids of that list's sessions no longer listed
 * @param errors sources that failed this time, as in a whole list
 */
public record SessionChanges(
    String host,
    Instant collectedAt,
    List<Session> changed,
    List<String> gone,
    List<SourceError> errors) {
  /** The name of the instance manipulation, in {@code A-IM} and {@code IM} headers. */
  public static final String MANIPULATION = "changes";

  public SessionChanges {
    changed = changed == null ? List.of() : List.copyOf(changed);
    gone = gone == null ? List.of() : List.copyOf(gone);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /**
   * The changes from a list of {@code before} sessions to {@code now}: its sessions that are new or
   * not equal to before, in its order, and the ids of those before that it no longer lists. A
   * session listed twice counts as first listed.
   */
  public static SessionChanges between(List<Session> before, SessionList now) {
    Map<String, Session> earlier = new HashMap<>(before.size() * 4 / 3 + 1);
    before.forEach(session -> earlier.putIfAbsent(session.id(), session));
    List<Session> changed = new ArrayList<>();
    Set<String> listed = new HashSet<>(now.sessions().size() * 4 / 3 + 1);
    for (Session session : now.sessions()) {
      if (listed.add(session.id()) && !session.equals(earlier.get(session.id()))) {
        changed.add(session);
      }
    }
    List<String> gone = earlier.keySet().stream().filter(id -> !listed.contains(id)).toList();
    return new SessionChanges(now.host(), now.collectedAt(), changed, gone, now.errors());
  }
}
