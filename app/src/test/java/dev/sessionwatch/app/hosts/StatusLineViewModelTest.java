package dev.sessionwatch.app.hosts;

import static dev.sessionwatch.app.testing.SessionLists.answer;
import static dev.sessionwatch.app.testing.SessionLists.terminal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sessionwatch.agent.testing.ManualClock;
import dev.sessionwatch.app.agent.AgentResponse;
import dev.sessionwatch.app.fleet.Fleet;
import dev.sessionwatch.app.fleet.Host;
import dev.sessionwatch.protocol.SourceError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusLineViewModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private final ManualClock clock = new ManualClock(T0);
  private final Fleet fleet = new Fleet(clock);
  private final Host web01 = fleet.addHost("web01");
  private final Host web02 = fleet.addHost("web02");
  private final StatusLineViewModel statusLine =
      new StatusLineViewModel(fleet.hosts(), ZoneOffset.UTC);

  @Test
  void countsTheServersOnlineAndShowsTheLastRefresh() {
    clock.advance(Duration.ofSeconds(7));
    fleet.apply(web01, answer(T0, terminal("utmp:1", "alice")));

    assertThat(statusLine.summaryProperty().get())
        .isEqualTo("1 of 2 servers online · last refresh 10:00:07");
  }

  @Test
  void aServerStillConnectingIsNoProblem() {
    assertThat(statusLine.problemsProperty().get()).isEmpty();
    assertThat(statusLine.hasProblemsProperty().get()).isFalse();
  }

  @Test
  void namesEachServerThatFailsWithItsReason() {
    fleet.apply(web01, new AgentResponse.Unreachable<>("no answer within 4 s"));
    fleet.apply(web02, new AgentResponse.Unauthorized<>("unknown token"));

    assertThat(statusLine.problemsProperty().get())
        .isEqualTo(
            "web01: unreachable (no answer within 4 s); web02: unauthorised (unknown token)");
    assertThat(statusLine.hasProblemsProperty().get()).isTrue();
  }

  @Test
  void namesTheFailedSourcesOfAServerOnline() {
    fleet.apply(
        web01, answer(T0, T0, List.of(), new SourceError("proftpd", "ftpwho not installed")));

    assertThat(statusLine.problemsProperty().get())
        .isEqualTo("web01: proftpd: ftpwho not installed");
  }

  @Test
  void clearsAProblemOnceTheServerAnswers() {
    fleet.apply(web01, new AgentResponse.Unreachable<>("no answer within 4 s"));
    fleet.apply(web01, answer(T0));

    assertThat(statusLine.hasProblemsProperty().get()).isFalse();
  }
}
