package dev.sessionwatch.app.fleet;

import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static dev.sessionwatch.app.testing.SessionLists.listing;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.app.agent.AgentClock;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionChanges;
import dev.sessionwatch.protocol.SessionList;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListingDiffTest {
  private final ListingDiff diff = new ListingDiff();

  @Test
  void theFirstListingIsAllNewSinceListingZero() {
    ListingChanges changes = diff.next(listing(terminal("utmp:1", "alice"), ftp("ftp:2", "bob")));

    assertThat(changes.base()).isZero();
    assertThat(changes.number()).isEqualTo(1);
    assertThat(changes.changed()).extracting(Session::id).containsExactly("utmp:1", "ftp:2");
    assertThat(changes.gone()).isEmpty();
  }

  @Test
  void aLaterListingTellsOnlyWhatChangedArrivedOrWent() {
    diff.next(listing(terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();

    ListingChanges changes = diff.next(listing(bobIdle, terminal("utmp:3", "carol")));

    assertThat(changes.base()).isEqualTo(1);
    assertThat(changes.number()).isEqualTo(2);
    assertThat(changes.changed()).containsExactly(bobIdle, terminal("utmp:3", "carol"));
    assertThat(changes.gone()).containsExactly("utmp:1");
  }

  @Test
  void anEqualSessionDecodedAgainIsNoChange() {
    diff.next(listing(terminal("utmp:1", "alice")));

    assertThat(diff.next(listing(terminal("utmp:1", "alice"))).changed()).isEmpty();
  }

  @Test
  void aSessionListedTwiceCountsAsFirstListed() {
    ListingChanges changes =
        diff.next(listing(terminal("utmp:1", "alice"), terminal("utmp:1", "mallory")));

    assertThat(changes.changed()).extracting(Session::user).containsExactly("alice");
  }

  @Test
  void anUnchangedListingKeepsItsNumber() {
    diff.next(listing(terminal("utmp:1", "alice")));

    ListingChanges unchanged = diff.unchanged();

    assertThat(unchanged.base()).isEqualTo(1);
    assertThat(unchanged.number()).isEqualTo(1);
    assertThat(unchanged.changed()).isEmpty();
    assertThat(unchanged.gone()).isEmpty();
  }

  @Test
  void takesTheAgentsChangesAsSentWhenTheyStartFromTheListingGivenBefore() {
    SessionList first = listing(terminal("utmp:1", "alice"), terminal("utmp:2", "bob"));
    diff.next(first);
    // The agent names alice although she did not change: taken as sent, not compared again.
    SessionChanges sent =
        new SessionChanges(
            "web01", Instant.EPOCH, List.of(terminal("utmp:1", "alice")), List.of("utmp:2"), null);

    ListingChanges changes = diff.next(changedSnapshot(first, sent));

    assertThat(changes.base()).isEqualTo(1);
    assertThat(changes.number()).isEqualTo(2);
    assertThat(changes.changed()).extracting(Session::id).containsExactly("utmp:1");
    assertThat(changes.gone()).containsExactly("utmp:2");
  }

  @Test
  void worksOutTheChangesWhenTheAgentsStartFromAnotherListing() {
    diff.next(listing(terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    SessionList equalButNotGiven = listing(terminal("utmp:1", "alice"), terminal("utmp:2", "bob"));
    SessionChanges sent =
        new SessionChanges(
            "web01", Instant.EPOCH, List.of(terminal("utmp:1", "alice")), List.of("utmp:2"), null);

    ListingChanges changes = diff.next(changedSnapshot(equalButNotGiven, sent));

    assertThat(changes.changed()).isEmpty();
    assertThat(changes.gone()).containsExactly("utmp:2");
  }

  /** The agent's list after {@code sent}: only alice, as the changes above leave it. */
  private static SessionSnapshot changedSnapshot(SessionList from, SessionChanges sent) {
    return new SessionSnapshot(
        listing(terminal("utmp:1", "alice")),
        new AgentClock(Instant.EPOCH, Instant.EPOCH),
        true,
        from,
        sent);
  }
}
