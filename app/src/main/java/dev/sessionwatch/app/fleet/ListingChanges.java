package dev.sessionwatch.app.fleet;

import dev.sessionwatch.protocol.Session;
import java.util.List;
import java.util.Set;

/**
 * What changed in a host's listing since an earlier one, worked out on the host's polling thread so
 * that the FX thread touches only the rows that changed.
 *
 * @param base the number of the listing these changes start from
 * @param number this listing's number
 * @param changed the sessions new or changed since the base listing, as listed
 * @param gone the ids of the base listing's sessions no longer listed
 */
public record ListingChanges(long base, long number, List<Session> changed, Set<String> gone) {
  public ListingChanges {
    changed = List.copyOf(changed);
    gone = Set.copyOf(gone);
  }
}
