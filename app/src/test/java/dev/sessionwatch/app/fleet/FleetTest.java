package dev.sessionwatch.app.fleet;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static dev.sessionwatch.app.testing.SessionLists.listing;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.agent.PresentedCertificate;
import dev.sessionwatch.app.agent.SessionSnapshot;
import dev.sessionwatch.app.testing.Certificates;
import dev.sessionwatch.protocol.CertificateFingerprint;
import dev.sessionwatch.protocol.HostInfo;
import dev.sessionwatch.protocol.Role;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import dev.sessionwatch.protocol.SourceError;
import dev.sessionwatch.protocol.SourceStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final Fleet fleet = new Fleet(clock);
  private final Host web01 = fleet.addHost("web01");
  private final Host web02 = fleet.addHost("web02");
  private final ObservableList<SessionRow> terminals = fleet.sessions(SessionKind.TERMINAL);

  @Test
  void recordsWhenASessionArrivedAfterTheHostsFirstAnswer() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    clock.advance(Duration.ofSeconds(5));

    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));

    assertThat(terminals)
        .extracting(row -> row.arrivedAt().orElse(null))
        .containsExactly(null, T0.plusSeconds(5));
  }

  @Test
  void sessionsOfTheFirstAnswerAfterAFailureWereNotSeenArriving() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    fleet.apply(web01, new AgentResponse.Unreachable<>("no answer within 4 s"));

    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));

    assertThat(terminals).hasSize(1);
    assertThat(terminals.get(0).arrivedAt()).isEmpty();
  }

  @Test
  void putsEachSessionInTheListOfItsKind() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), ftp("proftpd:7", "bob")));

    assertThat(users(terminals)).containsExactly("alice");
    assertThat(users(fleet.sessions(SessionKind.FTP))).containsExactly("bob");
    assertThat(fleet.sessions(SessionKind.PANEL)).isEmpty();
  }

  @Test
  void removingAHostRemovesOnlyItsSessionsAndIgnoresItsLateAnswers() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    fleet.apply(web02, answer(T0, terminal("utmp:2", "bob")));

    fleet.removeHost(web01);
    fleet.apply(web01, answer(T0.plusSeconds(5), terminal("utmp:1", "alice")));

    assertThat(fleet.hosts()).containsExactly(web02);
    assertThat(users(terminals)).containsExactly("bob");
  }

  @Test
  void aReplacedHostKeepsItsPlaceAndLosesItsSessions() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));

    Host renamed = fleet.replaceHost(web01, "web01-new", false);
    fleet.apply(web01, answer(T0.plusSeconds(5), terminal("utmp:1", "alice")));

    assertThat(fleet.hosts()).containsExactly(renamed, web02);
    assertThat(terminals).isEmpty();
  }

  @Test
  void leavesTheListAloneWhenNothingChanged() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    SessionRow before = terminals.get(0);
    List<String> changes = recordChanges(terminals);

    fleet.apply(web01, answer(T0.plusSeconds(5), terminal("utmp:1", "alice")));

    assertThat(changes).isEmpty();
    assertThat(terminals).singleElement().isSameAs(before);
  }

  @Test
  void updatesTheRowOfAChangedSessionAndNothingElse() {
    fleet.apply(
        web01,
        answer(
            T0,
            terminal("utmp:1", "alice"),
            terminal("utmp:2", "bob"),
            terminal("utmp:3", "carol")));
    SessionRow bob = terminals.get(1);
    List<String> changes = recordChanges(terminals);

    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    fleet.apply(
        web01,
        answer(
            T0.plusSeconds(5), terminal("utmp:1", "alice"), bobIdle, terminal("utmp:3", "carol")));

    assertThat(changes).containsExactly("updated 1");
    assertThat(terminals.get(1)).isSameAs(bob);
    assertThat(bob.session().state()).isEqualTo("idle");
  }

  @Test
  void removesAGoneSessionAndAppendsANewOne() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    List<String> changes = recordChanges(terminals);

    fleet.apply(
        web01, answer(T0.plusSeconds(5), terminal("utmp:2", "bob"), terminal("utmp:3", "dave")));

    assertThat(changes).containsExactly("removed 0", "added 1");
    assertThat(users(terminals)).containsExactly("bob", "dave");
  }

  @Test
  void keysRowsByHostSoTheSameIdOnTwoHostsIsTwoRows() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    fleet.apply(web02, answer(T0, terminal("utmp:1", "bob")));

    assertThat(terminals)
        .extracting(SessionRow::key)
        .containsExactly(new SessionKey(web01, "utmp:1"), new SessionKey(web02, "utmp:1"));
  }

  @Test
  void aFailingHostLosesItsRowsAndLeavesTheOthersAlone() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    fleet.apply(web02, answer(T0, terminal("utmp:9", "bob")));
    SessionRow alice = terminals.get(0);

    fleet.apply(web02, new AgentResponse.Unreachable<>("connection refused by web02:7878"));

    assertThat(terminals).containsExactly(alice);
    assertThat(web02.status())
        .isEqualTo(
            new HostStatus(HostStatus.State.UNREACHABLE, "connection refused by web02:7878"));
    assertThat(web01.status().isOnline()).isTrue();
  }

  @Test
  void aChangedCertificateRefusesTheHostUntilItAnswersAgain(@TempDir Path dir) throws Exception {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    PresentedCertificate presented =
        new PresentedCertificate(
            Certificates.made(dir, "web01"),
            CertificateFingerprint.of(Certificates.made(dir, "web01-before")));

    fleet.apply(web01, new AgentResponse.Untrusted<>(presented));

    assertThat(terminals).isEmpty();
    assertThat(web01.status().state()).isEqualTo(HostStatus.State.CERTIFICATE_CHANGED);
    assertThat(web01.untrustedCertificate()).isEqualTo(presented);
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    assertThat(web01.untrustedCertificate()).isNull();
  }

  @Test
  void anUnchangedAnswerAfterAFailureBringsTheRowsBack() {
    AgentResponse<SessionSnapshot> first = answer(T0, terminal("utmp:1", "alice"));
    fleet.apply(web01, first);
    fleet.apply(web01, new AgentResponse.Unauthorized<>("unknown token"));
    assertThat(terminals).isEmpty();

    SessionSnapshot snapshot = ((AgentResponse.Success<SessionSnapshot>) first).value();
    fleet.apply(
        web01,
        new AgentResponse.Success<>(
            new SessionSnapshot(snapshot.list(), snapshot.clock(), false), Duration.ofMillis(3)));

    assertThat(users(terminals)).containsExactly("alice");
  }

  @Test
  void aNotModifiedAnswerChangesNoRow() {
    AgentResponse<SessionSnapshot> first = answer(T0, terminal("utmp:1", "alice"));
    fleet.apply(web01, first);
    List<String> changes = recordChanges(terminals);

    SessionSnapshot snapshot = ((AgentResponse.Success<SessionSnapshot>) first).value();
    fleet.apply(
        web01,
        new AgentResponse.Success<>(
            new SessionSnapshot(snapshot.list(), snapshot.clock(), false), Duration.ofMillis(3)));

    assertThat(changes).isEmpty();
    assertThat(web01.status().isOnline()).isTrue();
  }

  @Test
  void oneAnswerIsOneChangeOfTheListHoweverManyRowsItTouches() {
    fleet.apply(
        web01,
        answer(
            T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob"), terminal("utmp:3", "x")));
    List<Integer> changeEvents = new ArrayList<>();
    terminals.addListener((ListChangeListener<SessionRow>) change -> changeEvents.add(1));

    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    fleet.apply(
        web01,
        answer(T0.plusSeconds(2), bobIdle, terminal("utmp:4", "dave"), terminal("utmp:5", "eve")));

    assertThat(changeEvents).hasSize(1);
    assertThat(users(terminals)).containsExactly("bob", "dave", "eve");
  }

  @Test
  void answersAppliedTogetherAreOneChangeOfEachList() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    fleet.apply(web02, answer(T0, terminal("utmp:1", "carol")));
    List<Integer> changeEvents = new ArrayList<>();
    terminals.addListener((ListChangeListener<SessionRow>) change -> changeEvents.add(1));

    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    fleet.together(
        () -> {
          fleet.apply(web01, answer(T0.plusSeconds(2), bobIdle, terminal("utmp:3", "dave")));
          fleet.apply(web02, answer(T0.plusSeconds(2), terminal("utmp:2", "eve")));
        });

    assertThat(changeEvents).hasSize(1);
    assertThat(users(terminals)).containsExactly("bob", "dave", "eve");
  }

  @Test
  void answersAppliedTogetherUpdateTheHostsOnceInOrderAndAnAnswerAloneAtOnce() {
    Host web03 = fleet.addHost("web03");
    List<String> changes = new ArrayList<>();
    fleet
        .hosts()
        .addListener(
            (ListChangeListener<Host>) change -> changes.add(String.join(", ", updates(change))));

    fleet.together(
        () -> {
          fleet.apply(web03, answer(T0, terminal("utmp:1", "alice")));
          fleet.apply(web01, answer(T0, terminal("utmp:2", "bob")));
        });
    List<String> together = List.copyOf(changes);
    changes.clear();
    clock.advance(Duration.ofSeconds(2));
    fleet.apply(web02, answer(T0.plusSeconds(2), terminal("utmp:3", "carol")));

    assertThat(together).containsExactly("updated 0, updated 2");
    assertThat(changes).isNotEmpty().allMatch(change -> change.equals("updated 1"));
    assertThat(fleet.hosts().indexOf(web03)).isEqualTo(2);
  }

  @Test
  void aHostRemovedWhileItsUpdateWaitsIsOnlyRemoved() {
    Host web03 = fleet.addHost("web03");
    List<String> changes = recordChanges(fleet.hosts());

    fleet.together(
        () -> {
          fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
          fleet.apply(web03, answer(T0, terminal("utmp:2", "bob")));
          fleet.removeHost(web01);
        });

    assertThat(changes).containsExactly("removed 0", "updated 1");
    assertThat(fleet.hosts()).containsExactly(web02, web03);
    assertThat(fleet.hosts().indexOf(web03)).isEqualTo(1);
    assertThat(fleet.hosts().indexOf(web01)).isEqualTo(-1);
  }

  private static List<String> updates(ListChangeListener.Change<? extends Host> change) {
    List<String> updates = new ArrayList<>();
    while (change.next()) {
      updates.add((change.wasUpdated() ? "updated " : "other ") + change.getFrom());
    }
    return updates;
  }

  @Test
  void aRowAddedAndRemovedInOneBatchIsNoChangeAtAll() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    List<String> changes = recordChanges(terminals);

    fleet.together(
        () -> {
          fleet.apply(web02, answer(T0, terminal("utmp:1", "bob")));
          fleet.removeHost(web02);
        });

    assertThat(changes).isEmpty();
    assertThat(users(terminals)).containsExactly("alice");
  }

  @Test
  void aRowAddedAndUpdatedInOneBatchIsOnlyAddedAndOneUpdatedTwiceIsUpdatedOnce() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    List<String> changes = recordChanges(terminals);

    Session aliceIdle = terminal("utmp:1", "alice").toBuilder().state("idle").build();
    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    fleet.together(
        () -> {
          fleet.apply(web01, answer(T0.plusSeconds(2), aliceIdle, terminal("utmp:2", "bob")));
          fleet.apply(web01, answer(T0.plusSeconds(4), terminal("utmp:1", "alice"), bobIdle));
        });

    assertThat(changes).containsExactlyInAnyOrder("updated 0", "added 1");
    assertThat(terminals).extracting(row -> row.session().state()).containsExactly(null, "idle");
    // The next batch starts afresh: the rows remember nothing of this one.
    changes.clear();
    fleet.together(() -> fleet.apply(web01, answer(T0.plusSeconds(6), aliceIdle)));
    assertThat(changes).containsExactlyInAnyOrder("removed 1", "updated 0");
  }

  @Test
  void aRowUpdatedAndThenRemovedInOneBatchIsOnlyRemoved() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    List<String> changes = recordChanges(terminals);

    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    fleet.together(
        () -> {
          fleet.apply(web01, answer(T0.plusSeconds(2), terminal("utmp:1", "alice"), bobIdle));
          fleet.apply(web01, answer(T0.plusSeconds(4), terminal("utmp:1", "alice")));
        });

    assertThat(changes).containsExactly("removed 1");
    assertThat(users(terminals)).containsExactly("alice");
  }

  @Test
  void takesOnlyTheChangedRowsWhenItShowsTheListingTheChangesStartFrom() {
    ListingDiff diff = new ListingDiff();
    List<Session> first = List.of(terminal("utmp:1", "alice"), terminal("utmp:2", "bob"));
    fleet.apply(web01, answer(T0, first.toArray(Session[]::new)), diff.next(listing(first)));
    List<String> changes = recordChanges(terminals);

    Session bobIdle = terminal("utmp:2", "bob").toBuilder().state("idle").build();
    ListingChanges bobChanged = diff.next(listing(terminal("utmp:1", "alice"), bobIdle));
    // The answer's own listing is not read: only the changes are.
    fleet.apply(web01, answer(T0.plusSeconds(2)), bobChanged);

    assertThat(changes).containsExactly("updated 1");
    assertThat(terminals).extracting(row -> row.session().state()).containsExactly(null, "idle");
  }

  @Test
  void readsTheWholeListingWhenItsRowsShowAnotherListingThanTheChangesStartFrom() {
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"), terminal("utmp:2", "bob")));
    ListingChanges fromElsewhere =
        new ListingChanges(7, 8, List.of(terminal("utmp:9", "mallory")), java.util.Set.of());

    fleet.apply(web01, answer(T0.plusSeconds(2), terminal("utmp:2", "bob")), fromElsewhere);

    assertThat(users(terminals)).containsExactly("bob");
  }

  @Test
  void rowsFollowAHostsListingsThroughChangesFailuresAndUnchangedAnswers() {
    Random random = new Random(20261123);
    ListingDiff diff = new ListingDiff();
    List<Session> listing = List.of();
    for (int round = 0; round < 300; round++) {
      int roll = random.nextInt(10);
      if (roll == 0) {
        fleet.apply(web01, new AgentResponse.Unreachable<>("no answer within 4 s"), null);
        assertThat(terminals).isEmpty();
        continue;
      }
      AgentResponse<SessionSnapshot> answer;
      ListingChanges changes;
      if (roll == 1 && round > 0) {
        answer = notModified(listing);
        changes = diff.unchanged();
      } else {
        listing = randomListing(random);
        answer = answer(T0.plusSeconds(round), listing.toArray(Session[]::new));
        changes = diff.next(listing(listing));
      }
      fleet.apply(web01, answer, changes);

      assertThat(terminals)
          .extracting(SessionRow::session)
          .containsExactlyInAnyOrderElementsOf(listing);
    }
  }

  /** Up to eight of ten possible sessions, each in one of two states. */
  private static List<Session> randomListing(Random random) {
    List<Session> listing = new ArrayList<>();
    for (int id = 0; id < 10 && listing.size() < 8; id++) {
      if (random.nextBoolean()) {
        listing.add(
            terminal("utmp:" + id, "user" + id).toBuilder()
                .state(random.nextBoolean() ? "idle" : "active")
                .build());
      }
    }
    return listing;
  }

  private static AgentResponse<SessionSnapshot> notModified(List<Session> listing) {
    SessionSnapshot last =
        ((AgentResponse.Success<SessionSnapshot>) answer(T0, listing.toArray(Session[]::new)))
            .value();
    return new AgentResponse.Success<>(
        new SessionSnapshot(last.list(), last.clock(), false), Duration.ofMillis(3));
  }

  @Test
  void aListenerCanFollowEveryChangeToTheSameRows() {
    fleet.apply(
        web01,
        answer(
            T0,
            terminal("utmp:1", "a"),
            terminal("utmp:2", "b"),
            terminal("utmp:3", "c"),
            terminal("utmp:4", "d")));
    fleet.apply(web02, answer(T0, terminal("utmp:1", "e"), terminal("utmp:2", "f")));
    List<SessionRow> mirror = mirror(terminals);

    fleet.apply(web01, answer(T0.plusSeconds(2), terminal("utmp:2", "b"), terminal("utmp:5", "g")));
    fleet.apply(web02, new AgentResponse.Unreachable<>("no answer within 4 s"));

    assertThat(mirror).containsExactlyElementsOf(terminals);
    assertThat(users(terminals)).containsExactly("b", "g");
  }

  @Test
  void aListenerCanFollowABatchRemovingAndUpdatingRowsOfSeveralHosts() {
    fleet.apply(
        web01,
        answer(T0, terminal("utmp:1", "a"), terminal("utmp:2", "b"), terminal("utmp:3", "c")));
    fleet.apply(
        web02,
        answer(T0, terminal("utmp:1", "d"), terminal("utmp:2", "e"), terminal("utmp:3", "f")));
    List<SessionRow> mirror = mirror(terminals);
    List<String> changes = recordChanges(terminals);

    Session cIdle = terminal("utmp:3", "c").toBuilder().state("idle").build();
    Session fIdle = terminal("utmp:3", "f").toBuilder().state("idle").build();
    fleet.together(
        () -> {
          fleet.apply(web02, answer(T0.plusSeconds(2), terminal("utmp:2", "e"), fIdle));
          fleet.apply(web01, answer(T0.plusSeconds(2), terminal("utmp:2", "b"), cIdle));
        });

    assertThat(mirror).containsExactlyElementsOf(terminals);
    assertThat(users(terminals)).containsExactly("b", "c", "e", "f");
    assertThat(changes).contains("updated 1", "updated 3");
  }

  @Test
  void tellsAnUnauthorisedHostFromAnAgentErrorAndMalformedAnswer() {
    fleet.apply(web01, new AgentResponse.Unauthorized<>("unknown token"));
    fleet.apply(web02, new AgentResponse.AgentError<>(500, "internal error"));

    assertThat(web01.status().describe()).isEqualTo("unauthorised (unknown token)");
    assertThat(web02.status().describe()).isEqualTo("agent error (HTTP 500: internal error)");

    fleet.apply(web02, new AgentResponse.Malformed<>("not a session list"));
    assertThat(web02.status().describe()).isEqualTo("agent error (not a session list)");
  }

  @Test
  void anOnlineHostNamesItsFailedSources() {
    fleet.apply(
        web01,
        answer(
            T0,
            T0,
            List.of(terminal("utmp:1", "alice")),
            new SourceError("proftpd", "no scoreboard")));

    assertThat(web01.status().isOnline()).isTrue();
    assertThat(web01.status().detail()).isEqualTo("proftpd: no scoreboard");
    assertThat(users(terminals)).containsExactly("alice");
  }

  @Test
  void recordsLatencyAndRefreshTimeOfASuccessOnly() {
    clock.advance(Duration.ofSeconds(30));
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
    clock.advance(Duration.ofSeconds(5));
    fleet.apply(web01, new AgentResponse.Unreachable<>("no answer within 4 s"));

    assertThat(web01.lastRefreshProperty().get()).isEqualTo(T0.plusSeconds(30));
    assertThat(web01.latencyProperty().get()).isEqualTo(Duration.ofMillis(12));
  }

  @Test
  void recordsWhichSourcesOfAHostWork() {
    SourceStatus utmp = SourceStatus.unavailable("utmp", SessionKind.TERMINAL, "no utmp file");

    fleet.apply(
        web01, new HostInfo("web01", "0.1.0", 1, "Linux", T0, Role.OPERATOR, List.of(utmp), null));

    assertThat(web01.sources()).containsExactly(utmp);
    assertThat(web02.sources()).isNull();
  }

  @Test
  void startsEveryHostAsConnecting() {
    assertThat(fleet.hosts()).extracting(Host::status).containsOnly(HostStatus.connecting());
  }

  private static List<String> users(List<SessionRow> rows) {
    return rows.stream().map(row -> row.session().user()).toList();
  }

  /** A copy of {@code list} kept in step with it by its changes alone. */
  private static List<SessionRow> mirror(ObservableList<SessionRow> list) {
    List<SessionRow> mirror = new ArrayList<>(list);
    list.addListener(
        (ListChangeListener<SessionRow>)
            change -> {
              while (change.next()) {
                if (change.wasPermutated() || change.wasUpdated()) {
                  continue;
                }
                mirror
                    .subList(change.getFrom(), change.getFrom() + change.getRemovedSize())
                    .clear();
                mirror.addAll(change.getFrom(), change.getAddedSubList());
              }
            });
    return mirror;
  }

  /** Each change as "updated I", "replaced I", "added I" or "removed I". */
  private static <T> List<String> recordChanges(ObservableList<T> list) {
    List<String> changes = new ArrayList<>();
    list.addListener(
        (ListChangeListener<T>)
            change -> {
              while (change.next()) {
                if (change.wasUpdated()) {
                  changes.add("updated " + change.getFrom());
                } else if (change.wasReplaced()) {
                  changes.add("replaced " + change.getFrom());
                } else if (change.wasAdded()) {
                  changes.add("added " + change.getFrom());
                } else if (change.wasRemoved()) {
                  changes.add("removed " + change.getFrom());
                } else {
                  changes.add("other " + change);
                }
              }
            });
    return changes;
  }
}
