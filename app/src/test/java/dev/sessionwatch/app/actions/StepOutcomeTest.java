package dev.sessionwatch.app.actions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.ActionResponse;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.protocol.ActionOutcome;
import dev.sessionwatch.protocol.Session;
import dev.sessionwatch.protocol.SessionAction;
import dev.sessionwatch.protocol.SessionKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StepOutcomeTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final Host web01 = new Fleet(new ManualClock(T0)).addHost("web01");
  private final PlannedAction logout =
      new PlannedAction(
          web01,
          Session.builder("utmp:4", SessionKind.TERMINAL, "utmp").user("bob").line("pts/1").build(),
          SessionAction.LOGOUT);

  @Test
  void aDoneActionSaysWhatWasDone() {
    StepOutcome outcome =
        StepOutcome.of(
            logout,
            new ActionResponse.Done(
                new ActionOutcome("utmp:4", SessionAction.LOGOUT, T0, true, "sent SIGHUP")));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.line()).isEqualTo("web01 · bob · terminal pts/1: logged out");
  }

  @Test
  void aSessionThatOutlivedTheActionIsSaidSo() {
    StepOutcome outcome =
        StepOutcome.of(
            logout,
            new ActionResponse.Done(
                new ActionOutcome(
                    "utmp:4", SessionAction.LOGOUT, T0, false, "sent SIGTERM to 2 processes")));

    assertThat(outcome.message())
        .isEqualTo(
            "logged out, but the session had not ended when the agent answered (sent SIGTERM to"
                + " 2 processes)");
  }

  @Test
  void aSentMessageIsDoneThoughTheSessionGoesOn() {
    PlannedAction message = new PlannedAction(web01, logout.session(), SessionAction.MESSAGE);

    StepOutcome outcome =
        StepOutcome.of(
            message,
            new ActionResponse.Done(
                new ActionOutcome("utmp:4", SessionAction.MESSAGE, T0, false, "showed it")));

    assertThat(outcome.succeeded()).isTrue();
    assertThat(outcome.message()).isEqualTo("message sent");
  }

  @Test
  void aGoneSessionIsAlreadyGone() {
    StepOutcome outcome = StepOutcome.of(logout, new ActionResponse.Gone("no session utmp:4"));

    assertThat(outcome.succeeded()).isFalse();
    assertThat(outcome.message()).isEqualTo("already gone: no session utmp:4");
  }

  @Test
  void aViewerTokenIsNotPermitted() {
    StepOutcome outcome =
        StepOutcome.of(logout, new ActionResponse.Forbidden("token console is a viewer token"));

    assertThat(outcome.message()).isEqualTo("not permitted: token console is a viewer token");
  }

  @Test
  void eachOtherFailureSaysWhatWentWrong() {
    assertThat(StepOutcome.of(logout, new ActionResponse.NotOffered("no logout")).message())
        .isEqualTo("not offered for this session: no logout");
    assertThat(StepOutcome.of(logout, new ActionResponse.Unauthorized("bad token")).message())
        .isEqualTo("the agent refused the token: bad token");
    assertThat(
            StepOutcome.of(logout, new ActionResponse.Unreachable("no answer within 4 s"))
                .message())
        .isEqualTo("the server did not answer: no answer within 4 s");
    assertThat(StepOutcome.of(logout, new ActionResponse.Failed("kill failed")).message())
        .isEqualTo("failed: kill failed");
  }
}
