package dev.sessionwatch.app.fleet;

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
  private List<Session> previous = List.of();
  private long number;

  /**
   * The changes of {@code listing} since the one given before, as the protocol tells them ({@link
   * SessionChanges#between}).
   */
  public ListingChanges next(SessionList listing) {
    SessionChanges changes = SessionChanges.between(previous, listing);
    previous = listing.sessions();
    return new ListingChanges(number, ++number, changes.changed(), Set.copyOf(changes.gone()));
  }

  /** The same listing as the one given before: an answer that it was not modified. */
  public ListingChanges unchanged() {
    return new ListingChanges(number, number, List.of(), Set.of());
  }
}
