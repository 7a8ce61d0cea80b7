package dev.sessionwatch.app.sessions;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SortedRowsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Comparator<SessionRow> BY_USER =
      Comparator.comparing(row -> row.session().user());

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final Host web02 = fleet.addHost("web02");
  private final SortedRows sorted = new SortedRows(fleet.sessions(SessionKind.FTP));

  private static Session user(String id, String user) {
    return ftp(id, user);
  }

  private List<String> users() {
    return sorted.stream().map(row -> row.session().user()).toList();
  }

  /** Every change as text, and a copy of the list rebuilt from the changes alone. */
  private List<String> follow(List<SessionRow> mirror) {
    mirror.addAll(sorted);
    List<String> changes = new ArrayList<>();
    sorted.addListener(
        (ListChangeListener<SessionRow>)
            change -> {
              while (change.next()) {
                if (change.wasPermutated()) {
                  changes.add("permutated");
                  List<SessionRow> before = new ArrayList<>(mirror);
                  for (int i = change.getFrom(); i < change.getTo(); i++) {
                    mirror.set(change.getPermutation(i), before.get(i));
                  }
                } else if (change.wasUpdated()) {
                  changes.add("updated " + change.getFrom());
                } else {
                  if (change.wasRemoved()) {
                    changes.add("removed " + change.getFrom());
                    mirror
                        .subList(change.getFrom(), change.getFrom() + change.getRemovedSize())
                        .clear();
                  }
                  if (change.wasAdded()) {
                    changes.add("added " + change.getFrom());
                    mirror.addAll(change.getFrom(), change.getAddedSubList());
                  }
                }
              }
            });
    return changes;
  }

  @Test
  void withoutAComparatorKeepsTheOrderTheRowsCameIn() {
    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "alice")));
    fleet.apply(web02, answer(T0, user("f:1", "bob")));

    assertThat(users()).containsExactly("carol", "alice", "bob");
  }

  @Test
  void aComparatorPermutesTheRowsIntoItsOrder() {
    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "alice"), user("f:3", "bob")));
    List<SessionRow> mirror = new ArrayList<>();
    List<String> changes = follow(mirror);

    sorted.comparatorProperty().set(BY_USER);

    assertThat(users()).containsExactly("alice", "bob", "carol");
    assertThat(changes).containsExactly("permutated");
    assertThat(mirror).containsExactlyElementsOf(sorted);
  }

  @Test
  void insertsNewRowsWhereTheyBelongAndTakesGoneOnesOut() {
    sorted.comparatorProperty().set(BY_USER);
    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "alice")));
    List<SessionRow> mirror = new ArrayList<>();
    follow(mirror);

    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:3", "bob"), user("f:4", "dave")));

    assertThat(users()).containsExactly("bob", "carol", "dave");
    assertThat(mirror).containsExactlyElementsOf(sorted);
  }

  @Test
  void aRowWhoseSortKeyStaysIsUpdatedInPlace() {
    sorted.comparatorProperty().set(BY_USER);
    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "alice"), user("f:3", "bob")));
    List<String> changes = follow(new ArrayList<>());

    fleet.apply(
        web01,
        answer(
            T0,
            user("f:1", "carol"),
            user("f:2", "alice").toBuilder().state("downloading").build(),
            user("f:3", "bob")));

    assertThat(changes).containsExactly("updated 0");
  }

  @Test
  void aRowWhoseSortKeyChangedMovesToItsNewPlace() {
    sorted.comparatorProperty().set(BY_USER);
    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "alice"), user("f:3", "bob")));
    List<SessionRow> mirror = new ArrayList<>();
    follow(mirror);

    fleet.apply(web01, answer(T0, user("f:1", "carol"), user("f:2", "zoe"), user("f:3", "bob")));

    assertThat(users()).containsExactly("bob", "carol", "zoe");
    assertThat(mirror).containsExactlyElementsOf(sorted);
  }

  @Test
  void rowsThatCompareEqualAreOrderedByServerAndSessionId() {
    sorted.comparatorProperty().set(BY_USER);

    fleet.apply(web02, answer(T0, user("f:2", "alice"), user("f:1", "alice")));
    fleet.apply(web01, answer(T0, user("f:9", "alice")));

    assertThat(sorted)
        .extracting(row -> row.host().name() + " " + row.key().sessionId())
        .containsExactly("web01 f:9", "web02 f:1", "web02 f:2");
  }

  @Test
  void aChangeOfMostRowsSortsThemAllAgain() {
    sorted.comparatorProperty().set(BY_USER);
    fleet.apply(web01, answer(T0, user("f:1", "carol")));
    List<SessionRow> mirror = new ArrayList<>();
    follow(mirror);
    List<Session> many = new ArrayList<>();
    for (int index = 0; index < 40; index++) {
      many.add(user("f:" + (100 + index), "user" + (char) ('z' - index % 26)));
    }

    fleet.apply(web02, answer(T0, many.toArray(Session[]::new)));

    assertThat(sorted).isSortedAccordingTo(BY_USER);
    assertThat(mirror).containsExactlyElementsOf(sorted);
  }
}
