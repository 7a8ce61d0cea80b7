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
import java.util.Random;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

class SearchedRowsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final SortedRows sorted = new SortedRows(fleet.sessions(SessionKind.FTP));
  private final SearchedRows rows = new SearchedRows(sorted);

  /** A copy of the rows rebuilt from the changes alone. */
  private final List<SessionRow> mirror = new ArrayList<>();

  private final List<String> changes = new ArrayList<>();

  SearchedRowsTest() {
    fleet.apply(
        web01, answer(T0, ftp("ftp:1", "alice"), ftp("ftp:2", "bob"), ftp("ftp:3", "carol")));
    mirror.addAll(rows);
    rows.addListener(
        (ListChangeListener<SessionRow>)
            change -> {
              List<String> parts = new ArrayList<>();
              while (change.next()) {
                if (change.wasPermutated()) {
                  parts.add("permutated");
                  List<SessionRow> before = new ArrayList<>(mirror);
                  for (int index = change.getFrom(); index < change.getTo(); index++) {
                    mirror.set(change.getPermutation(index), before.get(index));
                  }
                  continue;
                }
                if (change.wasUpdated()) {
                  parts.add("updated " + change.getFrom());
                  continue;
                }
                parts.add(
                    (change.wasReplaced() ? "replaced " : change.wasAdded() ? "added " : "removed ")
                        + change.getFrom());
                assertThat(List.<SessionRow>copyOf(change.getRemoved()))
                    .containsExactlyElementsOf(
                        mirror.subList(
                            change.getFrom(), change.getFrom() + change.getRemovedSize()));
                mirror
                    .subList(change.getFrom(), change.getFrom() + change.getRemovedSize())
                    .clear();
                mirror.addAll(change.getFrom(), change.getAddedSubList());
              }
              changes.add(String.join(", ", parts));
            });
  }

  @Test
  void aNewSearchIsTheNewRowsAddedThenTheOldOnesRemovedNeverAReplacement() {
    rows.predicateProperty().set(row -> !user(row).equals("bob"));

    assertThat(changes).containsExactly("added 0", "removed 2");
    assertThat(users(rows)).containsExactly("alice", "carol");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void aSearchThatFindsNothingRemovesEveryRowAtOnceAndClearingItAddsThemAtOnce() {
    rows.predicateProperty().set(row -> false);
    rows.predicateProperty().set(row -> true);

    assertThat(changes).containsExactly("removed 0", "added 0");
    assertThat(users(rows)).containsExactly("alice", "bob", "carol");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void aSearchThatShowsTheSameRowsAnnouncesNothing() {
    rows.predicateProperty().set(row -> user(row).length() > 2);

    assertThat(changes).isEmpty();
    assertThat(rows).hasSize(3);
  }

  @Test
  void aRefreshShowsRowsThatNowMatchAndHidesRowsThatNoLongerDo() {
    rows.predicateProperty().set(row -> row.session().state() == null);
    changes.clear();

    fleet.apply(
        web01,
        answer(
            T0.plusSeconds(2),
            ftp("ftp:1", "alice").toBuilder().state("idle").build(),
            ftp("ftp:2", "bob").toBuilder().clientAddress("203.0.113.9").build(),
            ftp("ftp:3", "carol"),
            ftp("ftp:4", "dave"),
            ftp("ftp:5", "erin").toBuilder().state("idle").build()));

    assertThat(changes).containsExactly("removed 0, added 2, updated 0");
    assertThat(users(rows)).containsExactly("bob", "carol", "dave");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void aNewSortOrderPermutesTheRowsShown() {
    fleet.apply(
        web01, answer(T0, ftp("ftp:1", "carol"), ftp("ftp:2", "bob"), ftp("ftp:3", "alice")));
    rows.predicateProperty().set(row -> !user(row).equals("bob"));
    changes.clear();

    sorted.comparatorProperty().set(Comparator.comparing(SearchedRowsTest::user));

    assertThat(changes).containsExactly("permutated");
    assertThat(users(rows)).containsExactly("alice", "carol");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void mapsEachRowShownToItsSourceIndexAndBack() {
    rows.predicateProperty().set(row -> !user(row).equals("bob"));

    assertThat(rows.getSourceIndex(0)).isZero();
    assertThat(rows.getSourceIndex(1)).isEqualTo(2);
    assertThat(rows.getViewIndex(2)).isEqualTo(1);
    assertThat(rows.getViewIndex(1)).isEqualTo(-1);
  }

  /**
   * Random refreshes, searches and sort orders, 300 steps from a fixed seed: after each the rows
   * are exactly the sorted rows that match, and the changes announced rebuild them.
   */
  @Test
  void followsAnyMixOfRefreshesSearchesAndSortOrders() {
    Random random = new Random(7);
    List<String> users = List.of("alice", "bob", "carol", "dave", "erin", "frank");
    List<Predicate<SessionRow>> searches =
        List.of(
            row -> true,
            row -> false,
            row -> user(row).contains("a"),
            row -> user(row).contains("r"),
            row -> "idle".equals(row.session().state()));
    List<Comparator<SessionRow>> orders =
        List.of(
            Comparator.comparing(SearchedRowsTest::user),
            Comparator.comparing(SearchedRowsTest::user).reversed(),
            Comparator.comparing(row -> String.valueOf(row.session().state())));
    Predicate<SessionRow> search = row -> true;
    for (int step = 0; step < 300; step++) {
      switch (random.nextInt(4)) {
        case 0 -> {
          search = searches.get(random.nextInt(searches.size()));
          rows.predicateProperty().set(search);
        }
        case 1 ->
            sorted
                .comparatorProperty()
                .set(random.nextBoolean() ? null : orders.get(random.nextInt(orders.size())));
        default -> {
          List<Session> sessions = new ArrayList<>();
          for (int id = 0; id < 12; id++) {
            if (random.nextInt(3) > 0) {
              sessions.add(
                  ftp("ftp:" + id, users.get(random.nextInt(users.size()))).toBuilder()
                      .state(random.nextBoolean() ? "idle" : null)
                      .build());
            }
          }
          fleet.apply(web01, answer(T0.plusSeconds(step), sessions.toArray(Session[]::new)));
        }
      }
      assertThat(rows).containsExactlyElementsOf(sorted.stream().filter(search).toList());
      assertThat(mirror).containsExactlyElementsOf(rows);
      for (int index = 0; index < rows.size(); index++) {
        assertThat(sorted.get(rows.getSourceIndex(index))).isSameAs(rows.get(index));
      }
    }
  }

  private static String user(SessionRow row) {
    return row.session().user();
  }

  private static List<String> users(List<SessionRow> rows) {
    return rows.stream().map(SearchedRowsTest::user).toList();
  }
}
