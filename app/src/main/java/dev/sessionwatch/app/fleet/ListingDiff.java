package dev.sessionwatch.app.fleet;

import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;
import java.util.List;
import java.util.Set;

/**
 * A host's successive listings, each told as its changes from the one before and numbered, so that
 * the fleet can tell whether its rows show the listing the changes start from. Comparing a hundred
 * sessions is cheap on a polling thread and would not be on the FX thread for hundreds of hosts.
 * Use it from one thread at a time: a host's polls never overlap.
 */
public final class ListingDiff {
  private SessionList previous;
  private long number;

  /**
   * The changes of {@code listing} since the one given before, as the protocol tells them ({@link
   * SessionChanges#between}).
   */
  public ListingChanges next(SessionList listing) {
    List<Session> before = previous == null ? List.of() : previous.sessions();
    return next(listing, SessionChanges.between(before, listing));
  }

  /**
   * The changes of a snapshot's list since the one given before: those the agent sent when they
   * start from that very list, without comparing the two again; else worked out as {@link
   * #next(SessionList)} does.
   */
  public ListingChanges next(SessionSnapshot snapshot) {
    return snapshot.changes() != null && snapshot.changedFrom() == previous
        ? next(snapshot.list(), snapshot.changes())
        : next(snapshot.list());
  }

  private ListingChanges next(SessionList listing, SessionChanges changes) {
    previous = listing;
    return new ListingChanges(number, ++number, changes.changed(), Set.copyOf(changes.gone()));
  }

  /** The same listing as the one given before: an answer that it was not modified. */
  public ListingChanges unchanged() {
    return new ListingChanges(number, number, List.of(), Set.of());
  }
}
