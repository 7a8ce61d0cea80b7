package dev.sessionwatch.app.fleet;

import dev.sessionwatch.protocol.Session;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A host's successive listings, each told as its changes from the one before and numbered, so that
 * the fleet can tell whether its rows show the listing the changes start from. Comparing a hundred
 * sessions is cheap on a polling thread and would not be on the FX thread for hundreds of hosts.
 * Use it from one thread at a time: a host's polls never overlap.
 */
public final class ListingDiff {
  private Map<String, Session> previous = Map.of();
  private long number;

  /**
   * The changes of {@code listing} since the one given before. A session listed twice counts as
   * first listed, as in the fleet.
   */
  public ListingChanges next(List<Session> listing) {
    Map<String, Session> byId = new HashMap<>(listing.size() * 4 / 3 + 1);
    List<Session> changed = new ArrayList<>();
    for (Session session : listing) {
      if (byId.putIfAbsent(session.id(), session) == null) {
        Session before = previous.get(session.id());
        // The very same object when the agent sent the list's changes and this was not one.
        if (before != session && !session.equals(before)) {
          changed.add(session);
        }
      }
    }
    Set<String> gone = new HashSet<>(previous.keySet());
    gone.removeAll(byId.keySet());
    previous = byId;
    return new ListingChanges(number, ++number, changed, gone);
  }

  /** The same listing as the one given before: an answer that it was not modified. */
  public ListingChanges unchanged() {
    return new ListingChanges(number, number, List.of(), Set.of());
  }
}
