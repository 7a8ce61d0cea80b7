package dev.sessionwatch.app.sessions;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.ftp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.app.fleet.SessionRow;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import org.junit.jupiter.api.Test;

class SplitReplacementsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final FilteredList<SessionRow> filtered =
      new FilteredList<>(fleet.sessions(SessionKind.FTP));
  private final SplitReplacements rows = new SplitReplacements(filtered);
  private final List<SessionRow> mirror = new ArrayList<>();
  private final List<String> changes = new ArrayList<>();

  SplitReplacementsTest() {
    fleet.apply(
        web01, answer(T0, ftp("ftp:1", "alice"), ftp("ftp:2", "bob"), ftp("ftp:3", "carol")));
    mirror.addAll(rows);
    rows.addListener(
        (ListChangeListener<SessionRow>)
            change -> {
              List<String> parts = new ArrayList<>();
              while (change.next()) {
                if (change.wasUpdated()) {
                  parts.add("updated " + change.getFrom());
                  continue;
                }
                parts.add(
                    (change.wasReplaced() ? "replaced " : change.wasAdded() ? "added " : "removed ")
                        + change.getFrom());
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
    filtered.setPredicate(row -> !row.session().user().equals("bob"));

    assertThat(changes).containsExactly("added 0", "removed 2");
    assertThat(users(rows)).containsExactly("alice", "carol");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void otherChangesPassAsTheyAre() {
    fleet.apply(
        web01,
        answer(
            T0.plusSeconds(2),
            ftp("ftp:1", "alice").toBuilder().state("idle").build(),
            ftp("ftp:3", "carol"),
            ftp("ftp:4", "dave")));

    assertThat(changes).containsExactly("removed 1, added 2, updated 0");
    assertThat(users(rows)).containsExactly("alice", "carol", "dave");
    assertThat(mirror).containsExactlyElementsOf(rows);
  }

  @Test
  void aSearchThatFindsNothingRemovesEveryRowAtOnce() {
    filtered.setPredicate(row -> false);

    assertThat(changes).containsExactly("removed 0");
    assertThat(rows).isEmpty();
  }

  private static List<String> users(List<SessionRow> rows) {
    return rows.stream().map(row -> row.session().user()).toList();
  }
}
