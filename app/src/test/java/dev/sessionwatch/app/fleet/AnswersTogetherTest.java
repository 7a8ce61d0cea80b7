package dev.sessionwatch.app.fleet;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class AnswersTogetherTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Fleet fleet = new Fleet(new ManualClock(T0));
  private final Host web01 = fleet.addHost("web01");
  private final Host web02 = fleet.addHost("web02");
  private final ObservableList<SessionRow> terminals = fleet.sessions(SessionKind.TERMINAL);

  /** The FX thread's queue: tasks run when the test says. */
  private final Queue<Runnable> fxThread = new ArrayDeque<>();

  private final AnswersTogether answers = new AnswersTogether(fleet, fxThread::add);
  private final List<Integer> changeEvents = new ArrayList<>();

  AnswersTogetherTest() {
    terminals.addListener((ListChangeListener<SessionRow>) change -> changeEvents.add(1));
  }

  @Test
  void answersWaitingForTheFxThreadAreAppliedAsOneChange() {
    answers.execute(() -> fleet.apply(web01, answer(T0, terminal("utmp:1", "alice"))));
    answers.execute(() -> fleet.apply(web02, answer(T0, terminal("utmp:1", "bob"))));

    assertThat(fxThread).hasSize(1);
    runFxThread();

    assertThat(changeEvents).hasSize(1);
    assertThat(terminals).extracting(row -> row.session().user()).containsExactly("alice", "bob");
  }

  @Test
  void anAnswerArrivingWhileABatchIsAppliedGoesInTheNextBatch() {
    answers.execute(
        () -> {
          fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));
          answers.execute(() -> fleet.apply(web02, answer(T0, terminal("utmp:1", "bob"))));
        });

    runFxThread();

    assertThat(changeEvents).hasSize(2);
    assertThat(terminals).extracting(row -> row.session().user()).containsExactly("alice", "bob");
  }

  @Test
  void aFailingAnswerDoesNotLoseTheOthersOfItsBatch() {
    answers.execute(
        () -> {
          throw new IllegalStateException("a bug in one answer");
        });
    answers.execute(() -> fleet.apply(web02, answer(T0, terminal("utmp:1", "bob"))));

    runFxThread();

    assertThat(terminals).extracting(row -> row.session().user()).containsExactly("bob");
  }

  /** Runs the FX thread's tasks, including those they queue, at most ten. */
  private void runFxThread() {
    for (int task = 0; task < 10 && !fxThread.isEmpty(); task++) {
      fxThread.remove().run();
    }
    assertThat(fxThread).isEmpty();
  }
}
